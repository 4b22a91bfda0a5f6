import AcubackServices
import AcubackCore
import AcubackStore
import Foundation
import Hummingbird

/// The clinic admin's list of accounts: make staff accounts (an invitation link goes out
/// through the outbox to set the password), disable and enable accounts.
struct AdminUsersController {
    let renderer: PageRenderer
    let services: AppServices
    static let staffRoles: [Role] = [.practitioner, .reception, .admin]

    func addRoutes(to router: Router<AcubackRequestContext>) {
        router.get("/admin/users") { request, context in
            try context.require(.manageUsers, .clinic(context.actor?.clinicID ?? UUID()))
            return try await page(request, context)
        }
        router.post("/admin/users") { request, context in
            let actor = try requireAdmin(context)
            let form = try await FormFields.of(request)
            do {
                let role = Role(rawValue: form.text("role")).flatMap { Self.staffRoles.contains($0) ? $0 : nil }
                guard let role else {
                    throw ValidationError(field: "role", rule: "must be one of practitioner, reception, admin")
                }
                let user = try await services.accounts.createUser(
                    clinicID: actor.clinicID, email: form.text("email"), displayName: form.text("name"), role: role, passwordHash: nil)
                if role == .practitioner {
                    // A practitioner's account comes with the practitioner record that is certified, booked and treats.
                    let zone = try await ClinicStore(services.database).settings(clinicID: actor.clinicID).zone
                    _ = try await ClinicStore(services.database).createPractitioner(
                        clinicID: actor.clinicID, userID: user.id, name: user.displayName,
                        profession: form.text("profession").isEmpty ? "Acupuncturist" : form.text("profession"),
                        practisingSince: Int(form.text("since")) ?? CalendarDay(services.now(), in: zone).year)
                }
                try await invite(user, by: actor)
                try await services.record(
                    "user.create", by: actor, clinicID: actor.clinicID, recordType: "user", recordID: user.id.uuidString,
                    from: context.clientAddress)
                return try await page(request, context, extra: ["created": user.email])
            } catch let error as ValidationError {
                return try await page(request, context, extra: [
                    "hasErrors": true, "errors": FieldWords.rows(error.errors),
                    "formEmail": form.text("email"), "formName": form.text("name"),
                ], status: .badRequest)
            }
        }
        for (action, disabled) in [("disable", true), ("enable", false)] {
            router.post("/admin/users/{id}/\(action)") { request, context in
                let actor = try requireAdmin(context)
                guard let id = context.parameters.get("id", as: UUID.self), let user = try await services.accounts.user(id: id),
                      user.clinicID == actor.clinicID
                else { throw HTTPError(.notFound) }
                guard user.id != actor.userID else {
                    return try await page(request, context, extra: ["hasErrors": true, "errors": FieldWords.rows([FieldError(field: "user", rule: "you cannot disable your own account")])], status: .badRequest)
                }
                try await services.accounts.setDisabled(userID: id, at: disabled ? services.now() : nil)
                try await services.record(
                    "user.\(action)", by: actor, clinicID: actor.clinicID, recordType: "user", recordID: id.uuidString,
                    from: context.clientAddress)
                return Response.redirect(to: "/admin/users", type: .normal)
            }
        }
    }

    private func requireAdmin(_ context: AcubackRequestContext) throws -> Actor {
        try context.require(.manageUsers, .clinic(context.actor?.clinicID ?? UUID()))
        return context.actor!
    }

    /// A new staff member sets their own password through a link that lasts three days.
    private func invite(_ user: UserRecord, by admin: Actor) async throws {
        let token = SecureToken.make()
        let link = "\(services.publicURL)/password/reset?token=\(token)"
        try await services.accounts.createPasswordReset(
            userID: user.id, tokenHash: SecureToken.hash(token), now: services.now(), lifetime: AccountStore.invitationLifetime,
            message: OutboxDraft(
                kind: "invitation", recipient: user.email, subject: "Your Acuback account",
                body: """
                    Hello \(user.displayName),

                    \(admin.displayName) has made you an Acuback account (\(user.role.rawValue)). Choose your password within three days here:

                    \(link)
                    """))
    }

    private func page(
        _ request: Request, _ context: AcubackRequestContext, extra: [String: Any] = [:], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let actor = context.actor!
        let page = try Page(limit: 50, offset: (Int(request.uri.queryParameters["offset"] ?? "0") ?? 0))
        let users = try await services.accounts.users(clinicID: actor.clinicID, limit: page.limit, offset: page.offset)
        var values: [String: Any] = [
            "users": users.items.map { user -> [String: Any] in
                ["id": user.id.uuidString, "email": user.email, "name": user.displayName, "role": user.role.rawValue,
                 "disabled": user.isDisabled, "self": user.id == actor.userID]
            },
            "roles": Self.staffRoles.map(\.rawValue),
            "pager": Pager(total: users.total, page: page, path: "/admin/users").context,
        ]
        values.merge(extra) { _, new in new }
        return try renderer.render("admin-users", context, path: "/admin/users", values: values, status: status)
            .response(from: request, context: context)
    }
}

/// Links to the previous and next page of a list.
struct Pager {
    let total: Int
    let page: Page
    let path: String
    var query: String = ""

    var context: [String: Any] {
        var context: [String: Any] = [
            "total": total, "from": total == 0 ? 0 : page.offset + 1, "to": min(total, page.offset + page.limit),
        ]
        let join = query.isEmpty ? "?" : "?\(query)&"
        if page.offset > 0 { context["previous"] = "\(path)\(join)offset=\(max(0, page.offset - page.limit))" }
        if page.offset + page.limit < total { context["next"] = "\(path)\(join)offset=\(page.offset + page.limit)" }
        return context
    }
}
