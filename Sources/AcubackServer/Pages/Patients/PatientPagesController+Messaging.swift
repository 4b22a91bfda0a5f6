import AcubackCore
import AcubackServices
import Foundation
import Hummingbird

/// A patient's wish for text messages (set by themselves in the portal or by the desk) and, on
/// their own page, what is still to do before the first visit.
extension PatientPagesController {
    func addMessagingRoutes(to router: Router<AcubackRequestContext>) {
        router.post("/patients/{id}/texts") { request, context in
            let patient = try await patientFor(context, .changePatientContact)
            let form = try await FormFields.of(request)
            do {
                try await services.messaging.setTextsWanted(
                    form.flag("textReminders"), phone: form.text("phone"), for: patient, by: context.actor!, from: context.clientAddress)
            } catch let error as ValidationError {
                return try await record(patient.id, request, context, status: .badRequest) { $0.messaging?.textsError = error.inWords }
            }
            return Response.redirect(to: "/patients/\(patient.id)?texts=saved#contact", type: .normal)
        }
    }

    /// The text-message choice, and for the patient themselves the checklist before the first visit.
    func addMessaging(to page: inout PatientRecordPage, _ chart: PatientChart, _ actor: Actor, query: FormFields) {
        let patient = chart.patient
        let canChange = AccessPolicy.decide(actor, .changePatientContact, .patient(clinicID: patient.clinicID, patientID: patient.id)).isAllowed
        var view = MessagingView(textsWanted: chart.textsWanted, canChange: canChange, saved: query.text("texts") == "saved")
        view.checklist = chart.checklist.map(ChecklistView.init)
        page.messaging = view
    }
}

/// The text-message part of the contact details, and the portal's checklist.
struct MessagingView: Sendable {
    var textsWanted: Bool
    var canChange: Bool
    var saved: Bool
    var textsError: String?
    var checklist: ChecklistView?
}

/// What the patient still has to do in the portal before arriving for the first visit.
struct ChecklistView: Sendable {
    let intakeDone: Bool
    let consentDone: Bool
    let complete: Bool

    init(_ checklist: FirstVisitChecklist) {
        intakeDone = checklist.intakeDone
        consentDone = checklist.consentDone
        complete = checklist.isComplete
    }
}
