import AcubackServices
import AcubackCore
import Foundation
import Hummingbird

/// The first consultation on a patient's record: the assessment form and its history, the red
/// flags and the decisions on them, and the consent text with its signatures.
extension PatientPagesController {
    var consultations: ConsultationService { ConsultationService(services: services) }
    var consent: ConsentService { ConsentService(services: services) }

    func addConsultationRoutes(to router: Router<AcubackRequestContext>) {
        router.post("/patients/{id}/assessments") { request, context in
            let patient = try await patientFor(context, .planTreatment)
            let form = try await FormFields.of(request)
            do {
                let consultation = try ConsultationForm(fields: form).consultation()
                _ = try await consultations.record(consultation, for: patient, by: context.actor!, from: context.clientAddress)
            } catch let error as ValidationError {
                return try await record(patient.id, request, context, status: .badRequest) { page in
                    page.consultationForm = ConsultationFormView(form, errors: error.errors)
                    page.assessmentErrors = error.errors.map { ["field": $0.field, "label": ConsultationForm.label($0.field), "rule": $0.rule] }
                    page.hasAssessmentErrors = true
                }
            } catch let error as any ProblemConvertible {
                let refusal = error.problem(instance: nil).pageRefusal
                return try await record(patient.id, request, context, status: refusal.status) { $0.assessmentError = refusal.message }
            }
            return Response.redirect(to: "/patients/\(patient.id)?assessmentSaved=1#red-flags", type: .normal)
        }
        router.post("/patients/{id}/red-flags/decisions") { request, context in
            let patient = try await patientFor(context, .planTreatment)
            let form = try await FormFields.of(request)
            do {
                _ = try await consultations.decide(
                    outcome: RedFlagOutcome(rawValue: form.text("outcome")), reason: form.text("reason"), referredTo: form.text("referredTo"),
                    for: patient, by: context.actor!, from: context.clientAddress)
            } catch let error as any ProblemConvertible {
                let refusal = error.problem(instance: nil).pageRefusal
                return try await record(patient.id, request, context, status: refusal.status) { page in
                    page.decisionError = refusal.message
                    page.decisionReason = form.text("reason")
                    page.decisionReferredTo = form.text("referredTo")
                }
            }
            return Response.redirect(to: "/patients/\(patient.id)?decisionSaved=1#red-flags", type: .normal)
        }
        router.post("/patients/{id}/consent") { request, context in
            let patient = try await patientFor(context, .changePatientContact)
            let form = try await FormFields.of(request)
            let actor = context.actor!
            let method = actor.role == .patient ? .online : (ConsentMethod(rawValue: form.text("method")) ?? .desk)
            do {
                _ = try await consent.sign(
                    ConsentSignature(method: method, signedName: form.text("signedName"), reason: form.text("reason")),
                    for: patient, by: actor, from: context.clientAddress)
            } catch let error as any ProblemConvertible {
                let refusal = error.problem(instance: nil).pageRefusal
                return try await record(patient.id, request, context, status: refusal.status) { $0.consentError = refusal.message }
            }
            return Response.redirect(to: "/patients/\(patient.id)?consentSaved=1#consent", type: .normal)
        }
    }

    /// The consultation parts of the record, as far as the person looking may see them.
    func addConsultation(to page: inout PatientRecordPage, _ chart: PatientChart, _ actor: Actor, query: FormFields) {
        let patient = chart.patient
        let zone = chart.zone
        let target = AccessTarget.patient(clinicID: patient.clinicID, patientID: patient.id)
        page.assessmentSaved = query.text("assessmentSaved") == "1"
        page.decisionSaved = query.text("decisionSaved") == "1"
        page.consentSaved = query.text("consentSaved") == "1"
        if let clinical = chart.clinical, let flags = chart.redFlags {
            let history = chart.consultations
            page.assessmentHistory = history.map { AssessmentRow($0, zone: zone) }
            page.hasAssessments = !history.isEmpty
            page.redFlags = RedFlagsView(flags, zone: zone)
            page.treatmentStopped = !flags.clearance.isClear
            if AccessPolicy.decide(actor, .planTreatment, target).isAllowed && actor.practitionerID != nil {
                page.canAssess = true
                let risks = clinical.risks.on(CalendarDay(services.now(), in: .gmt))
                page.consultationForm = ConsultationFormView(ConsultationForm.prefilled(from: history.first?.consultation, risks: risks), errors: [])
                page.canDecide = !flags.screens.allSatisfy(\.screen.flags.isEmpty)
            }
        }
        let text = chart.consentText
        page.consentText = ConsentTextView(text)
        page.consents = chart.consents.map { ConsentRow($0, currentVersion: text.version, zone: zone) }
        page.hasCurrentConsent = chart.consents.contains { $0.version == text.version }
        page.consentBySelf = actor.role == .patient
        page.consentVerbalAllowed = actor.role == .practitioner || actor.role == .admin
    }
}
