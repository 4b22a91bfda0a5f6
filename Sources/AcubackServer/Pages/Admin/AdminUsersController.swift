import AcubackServices
import AcubackCore
import Foundation
import Hummingbird

/// The clinic admin's list of accounts: make staff accounts (an invitation link goes out
/// through the outbox to set the password), disable and enable accounts.
struct AdminUsersController {
    let renderer: PageRenderer
    let services: AppServices

    func addRoutes(to router: RouterGroup<AcubackRequestContext>) {
        router.get("users") { request, context in
            return try await page(request, context)
        }
        router.post("users") { request, context in
            let actor = try context.signedIn
            let form = try await FormFields.of(request)
            do {
                let user = try await services.accounts.createStaff(
                    .init(
                        email: form.text("email"), name: form.text("name"), role: form.text("role"), profession: form.text("profession"),
                        practisingSince: form.text("since")),
                    by: actor, from: context.clientAddress)
                return try await page(request, context, extra: ["created": user.email])
            } catch let error as ValidationError {
                return try await page(request, context, extra: [
                    "hasErrors": true, "errors": FieldWords.rows(error.errors),
                    "formEmail": form.text("email"), "formName": form.text("name"),
                ], status: .badRequest)
            }
        }
        for (action, disabled) in [("disable", true), ("enable", false)] {
            router.post("users/{id}/\(action)") { request, context in
                let actor = try context.signedIn
                guard let id = context.parameters.get("id", as: UUID.self) else { throw HTTPError(.notFound) }
                do {
                    try await services.accounts.setDisabled(disabled, userID: id, by: actor, from: context.clientAddress)
                } catch let error as ValidationError {
                    return try await page(request, context, extra: ["hasErrors": true, "errors": FieldWords.rows(error.errors)], status: .badRequest)
                }
                return Response.redirect(to: "/admin/users", type: .normal)
            }
        }
    }


    private func page(
        _ request: Request, _ context: AcubackRequestContext, extra: [String: Any] = [:], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let actor = context.actor!
        let page = try Page(limit: 50, offset: (Int(request.uri.queryParameters["offset"] ?? "0") ?? 0))
        let users = try await services.accounts.users(limit: page.limit, offset: page.offset, by: actor)
        var values: [String: Any] = [
            "users": users.items.map { user -> [String: Any] in
                ["id": user.id.uuidString, "email": user.email, "name": user.displayName, "role": user.role.rawValue,
                 "disabled": user.isDisabled, "self": user.id == actor.userID]
            },
            "roles": AccountService.staffRoles.map(\.rawValue),
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
