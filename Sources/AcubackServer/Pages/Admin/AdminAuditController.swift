import AcubackServices
import AcubackCore
import AcubackStore
import Foundation
import Hummingbird

/// The admin's search of the audit trail, by patient, user and date.
struct AdminAuditController {
    let renderer: PageRenderer
    let services: AppServices

    func addRoutes(to router: Router<AcubackRequestContext>) {
        router.get("/admin/audit") { request, context in
            try context.require(.readAudit, .clinic(context.actor?.clinicID ?? UUID()))
            return try await page(request, context)
        }
    }

    private func page(_ request: Request, _ context: AcubackRequestContext) async throws -> Response {
        let actor = context.actor!
        let form = FormFields(request.uri.queryParameters)
        let clinic = try await services.accounts.clinic(id: actor.clinicID)
        let zone = TimeZone(identifier: clinic?.timeZone ?? "UTC") ?? .gmt
        var errors = FieldErrorCollector()
        var filter = AuditTrail.Filter(clinicID: actor.clinicID)
        var patientNames: [UUID: String] = [:]

        let patientText = form.text("patient")
        if !patientText.isEmpty {
            let matches = try await services.patients.patients(clinicID: actor.clinicID, matching: patientText, limit: 50).items
            filter.patientIDs = matches.map(\.id)
            if matches.isEmpty { errors.add("patient", "no patient matches '\(patientText)'") }
        }
        let userText = form.text("user")
        if !userText.isEmpty {
            if let user = try await services.accounts.user(email: userText), user.clinicID == actor.clinicID {
                filter.actorUserID = user.id
            } else {
                errors.add("user", "no user of this clinic has the email '\(userText)'")
            }
        }
        for (field, keyPath) in [("from", \AuditTrail.Filter.from), ("to", \AuditTrail.Filter.to)] {
            let text = form.text(field)
            guard !text.isEmpty else { continue }
            guard let day = CalendarDay(text) else {
                errors.add(field, "must be a date written YYYY-MM-DD")
                continue
            }
            // "to" includes the whole day.
            filter[keyPath: keyPath] = (field == "to" ? day.adding(days: 1) : day).start(in: zone)
        }
        let page = try Page(limit: 50, offset: Int(form.text("offset")) ?? 0)
        var values: [String: Any] = [
            "patient": patientText, "user": userText, "from": form.text("from"), "to": form.text("to"),
        ]
        if !errors.errors.isEmpty {
            values["hasErrors"] = true
            values["errors"] = FieldWords.rows(errors.errors)
            values["events"] = [[String: Any]]()
            return try renderer.render("admin-audit", context, path: "/admin/audit", values: values, status: .badRequest)
                .response(from: request, context: context)
        }
        let result = try await services.audit.search(filter, limit: page.limit, offset: page.offset)
        for id in Set(result.items.compactMap(\.patientID)) where patientNames[id] == nil {
            patientNames[id] = try await services.patients.patient(id: id)?.name
        }
        var userEmails: [UUID: String] = [:]
        for id in Set(result.items.compactMap(\.actorUserID)) {
            userEmails[id] = try await services.accounts.user(id: id)?.email
        }
        values["events"] = result.items.map { event -> [String: Any] in
            [
                "sequence": event.sequence, "at": DisplayTime.format(event.at, in: zone),
                "actor": event.actorUserID.flatMap { userEmails[$0] } ?? event.actorRole, "role": event.actorRole,
                "action": event.action, "patient": event.patientID.flatMap { patientNames[$0] } ?? "",
                "record": [event.recordType, event.recordID.map { String($0.prefix(8)) }].compactMap { $0 }.joined(separator: " "),
                "address": event.clientAddress ?? "",
            ]
        }
        let query = ["patient", "user", "from", "to"].compactMap { key -> String? in
            let value = form.text(key)
            return value.isEmpty ? nil : "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        }.joined(separator: "&")
        values["pager"] = Pager(total: result.total, page: page, path: "/admin/audit", query: query).context
        try await services.record(
            "audit.search", by: actor, clinicID: actor.clinicID, patientID: filter.patientIDs?.count == 1 ? filter.patientIDs?.first : nil,
            recordType: "auditTrail", from: context.clientAddress)
        return try renderer.render("admin-audit", context, path: "/admin/audit", values: values)
            .response(from: request, context: context)
    }
}
