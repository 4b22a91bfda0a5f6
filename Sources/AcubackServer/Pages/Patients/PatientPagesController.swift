import AcubackServices
import AcubackCore
import Foundation
import Hummingbird

/// The staff list of patients, one patient's record, and a patient's own record (the portal).
/// Reception sees contact details only; practitioners and admins also the clinical record.
struct PatientPagesController {
    let renderer: PageRenderer
    let services: AppServices

    func addRoutes(to router: Router<AcubackRequestContext>) {
        addCareRoutes(to: router)
        addTreatmentRoutes(to: router)
        addConsultationRoutes(to: router)
        addMessagingRoutes(to: router)
        router.get("/patients") { request, context in try await list(request, context) }
        router.get("/patients/{id}") { request, context in
            guard let id = context.parameters.get("id", as: UUID.self) else { throw HTTPError(.notFound) }
            return try await record(id, request, context)
        }
        router.get("/me") { _, context in
            try context.require(.readOwnRecord)
            guard let patientID = context.actor?.patientID else { throw HTTPError(.notFound) }
            return Response.redirect(to: "/patients/\(patientID.uuidString)", type: .normal)
        }
    }

    private func list(_ request: Request, _ context: AcubackRequestContext) async throws -> Response {
        try context.require(.listPatients, .clinic(context.actor?.clinicID ?? UUID()))
        let actor = context.actor!
        let form = FormFields(request.uri.queryParameters)
        let page = try Page(limit: 50, offset: Int(form.text("offset")) ?? 0)
        let result = try await services.patients.list(matching: form.text("q"), limit: page.limit, offset: page.offset, by: actor, from: context.clientAddress)
        let query = form.text("q").isEmpty ? "" : "q=\(form.text("q").addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        return try renderer.render("patients", context, path: "/patients", model: PatientsPage(
            q: form.text("q"), patients: result.items.map(PatientsPage.Row.init),
            pager: Pager(total: result.total, page: page, path: "/patients", query: query).links
        )).response(from: request, context: context)
    }

    /// The record page; `adjust` adds what the form just posted left to say, after the rest.
    func record(
        _ id: UUID, _ request: Request, _ context: AcubackRequestContext, status: HTTPResponse.Status = .ok,
        adjust: (inout PatientRecordPage) -> Void = { _ in }
    ) async throws -> Response {
        // An unknown patient and another clinic's patient look the same from outside.
        guard let actor = context.actor else { throw AccessDenied(signedIn: false, reason: "sign in to see a record") }
        let chart = try await services.patients.chart(id: id, by: actor, from: context.clientAddress)
        let patient = chart.patient
        let query = FormFields(request.uri.queryParameters)
        var page = PatientRecordPage(
            patient, own: actor.patientID == patient.id,
            clinical: chart.clinical.map { ClinicalView(risks: $0.risks.on(CalendarDay(services.now(), in: .gmt))) })
        addCare(to: &page, chart, actor)
        addMessaging(to: &page, chart, actor, query: query)
        addConsultation(to: &page, chart, actor, query: query)
        try addTreatment(to: &page, chart, actor, query: query, language: context.language)
        adjust(&page)
        return try renderer.render(
            "patient", context, path: actor.role == .patient ? "/me" : "/patients", model: page, status: status
        ).response(from: request, context: context)
    }
}
