import AcubackServices
import AcubackCore
import Foundation
import Hummingbird

/// STRICTA reports as printable pages: of a course, and of one session.
struct StrictaPagesController {
    let renderer: PageRenderer
    let services: AppServices

    var stricta: StrictaService { StrictaService(services: services) }

    func addRoutes(to router: Router<AcubackRequestContext>) {
        router.get("/patients/{id}/courses/{courseId}/stricta") { request, context in
            let actor = try context.requireActor(.readPatientClinical)
            guard let courseID = context.parameters.get("courseId", as: UUID.self) else { throw HTTPError(.notFound) }
            let (report, course) = try await stricta.course(courseID, by: actor, from: context.clientAddress)
            guard context.parameters.get("id", as: UUID.self) == course.patientID else { throw HTTPError(.notFound) }
            let patient = try await services.patients.patient(id: course.patientID, for: .readPatientClinical, by: actor)
            return try render(report, heading: "STRICTA report: course of \(course.regimen.name)", patient: patient,
                              back: "/patients/\(course.patientID)/courses/\(course.id)", request, context)
        }
        router.get("/sessions/{id}/stricta") { request, context in
            let actor = try context.requireActor(.readPatientClinical)
            guard let id = context.parameters.get("id", as: UUID.self) else { throw HTTPError(.notFound) }
            let (report, session) = try await stricta.session(id, by: actor, from: context.clientAddress)
            let patient = try await services.patients.patient(id: session.patientID, for: .readPatientClinical, by: actor)
            let zone = try await services.clinic.settings(clinicID: session.clinicID).zone
            return try render(report, heading: "STRICTA report: session of \(DisplayTime.format(session.startedAt, in: zone))", patient: patient,
                              back: "/sessions/\(session.id)", request, context)
        }
    }

    private func render(
        _ report: StrictaReport, heading: String, patient: PatientRecord?, back: String, _ request: Request, _ context: AcubackRequestContext
    ) throws -> Response {
        let model = StrictaPage(
            heading: heading, patientName: patient?.name ?? "", back: back,
            items: report.items.map { StrictaPage.ItemRow(id: $0.id, title: $0.title, text: $0.text, notApplicable: $0.notApplicable) },
            source: report.source.citation)
        return try renderer.render("stricta", context, path: context.actor?.role == .patient ? "/me" : "/patients", model: model)
            .response(from: request, context: context)
    }
}

/// The stricta template's values.
struct StrictaPage: PageModel {
    /// An item is either filled in or not applicable, with the reason.
    struct ItemRow: Sendable {
        let id: String
        let title: String
        let text: String?
        let notApplicable: String?
    }

    let heading: String
    let patientName: String
    let back: String
    let items: [ItemRow]
    let source: String
}
