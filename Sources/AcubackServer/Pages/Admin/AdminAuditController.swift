import AcubackServices
import AcubackCore
import Foundation
import Hummingbird

/// The admin's search of the audit trail, by patient, user and date.
struct AdminAuditController {
    let renderer: PageRenderer
    let services: AppServices

    func addRoutes(to router: RouterGroup<AcubackRequestContext>) {
        router.get("audit") { request, context in
            return try await page(request, context)
        }
    }

    private func page(_ request: Request, _ context: AcubackRequestContext) async throws -> Response {
        let actor = context.actor!
        let form = FormFields(request.uri.queryParameters)
        let search = AuditService.Search(patient: form.text("patient"), user: form.text("user"), from: form.text("from"), to: form.text("to"))
        let page = try Page(limit: 50, offset: Int(form.text("offset")) ?? 0)
        var model = AdminAuditPage(search: search)
        let result: AuditService.Result
        do {
            result = try await AuditService(services: services).search(search, limit: page.limit, offset: page.offset, by: actor, from: context.clientAddress)
        } catch let error as ValidationError {
            model.hasErrors = true
            model.errors = FieldWords.rows(error.errors)
            return try renderer.render("admin-audit", context, path: "/admin/audit", model: model, status: .badRequest)
                .response(from: request, context: context)
        }
        let zone = result.zone
        model.events = result.events.map { event in
            AdminAuditPage.EventRow(
                sequence: event.sequence, at: DisplayTime.format(event.at, in: zone),
                actor: event.actorUserID.flatMap { result.userEmails[$0] } ?? event.actorRole, role: event.actorRole,
                action: event.action, patient: event.patientID.flatMap { result.patientNames[$0] } ?? "",
                record: [event.recordType, event.recordID.map { String($0.prefix(8)) }].compactMap { $0 }.joined(separator: " "),
                address: event.clientAddress ?? "")
        }
        let query = ["patient", "user", "from", "to"].compactMap { key -> String? in
            let value = form.text(key)
            return value.isEmpty ? nil : "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        }.joined(separator: "&")
        model.pager = Pager(total: result.total, page: page, path: "/admin/audit", query: query).links
        return try renderer.render("admin-audit", context, path: "/admin/audit", model: model)
            .response(from: request, context: context)
    }
}

/// The admin-audit template's values: the search as typed, and the events it found.
struct AdminAuditPage: PageModel {
    struct EventRow: Sendable {
        let sequence: Int
        let at: String
        let actor: String
        let role: String
        let action: String
        let patient: String
        let record: String
        let address: String
    }

    let patient: String
    let user: String
    let from: String
    let to: String
    var hasErrors = false
    var errors: [[String: String]] = []
    var events: [EventRow] = []
    var pager: Pager.Links?

    init(search: AuditService.Search) {
        patient = search.patient
        user = search.user
        from = search.from
        to = search.to
    }
}
