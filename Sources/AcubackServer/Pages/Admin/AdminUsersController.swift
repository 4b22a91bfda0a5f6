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
                return try await page(request, context, outcome: .init(created: user.email))
            } catch let error as ValidationError {
                return try await page(
                    request, context, outcome: .init(errors: error.errors, formEmail: form.text("email"), formName: form.text("name")),
                    status: .badRequest)
            }
        }
        for (action, disabled) in [("disable", true), ("enable", false)] {
            router.post("users/{id}/\(action)") { request, context in
                let actor = try context.signedIn
                guard let id = context.parameters.get("id", as: UUID.self) else { throw HTTPError(.notFound) }
                do {
                    try await services.accounts.setDisabled(disabled, userID: id, by: actor, from: context.clientAddress)
                } catch let error as ValidationError {
                    return try await page(request, context, outcome: .init(errors: error.errors), status: .badRequest)
                }
                return Response.redirect(to: "/admin/users", type: .normal)
            }
        }
    }


    private func page(
        _ request: Request, _ context: AcubackRequestContext, outcome: AdminUsersPage.Outcome = .init(), status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let actor = context.actor!
        let page = try Page(limit: 50, offset: (Int(request.uri.queryParameters["offset"] ?? "0") ?? 0))
        let users = try await services.accounts.users(limit: page.limit, offset: page.offset, by: actor)
        let model = AdminUsersPage(
            users: users.items.map { user in
                AdminUsersPage.UserRow(
                    id: user.id.uuidString, email: user.email, name: user.displayName, role: user.role.rawValue, disabled: user.isDisabled,
                    self: user.id == actor.userID)
            },
            roles: AccountService.staffRoles.map(\.rawValue), pager: Pager(total: users.total, page: page, path: "/admin/users").links,
            outcome: outcome)
        return try renderer.render("admin-users", context, path: "/admin/users", model: model, status: status)
            .response(from: request, context: context)
    }
}

/// The admin-users template's values.
struct AdminUsersPage: PageModel {
    struct UserRow: Sendable {
        let id: String
        let email: String
        let name: String
        let role: String
        let disabled: Bool
        /// The signed-in admin's own account: its row offers no "Disable", so an admin cannot lock themself out.
        let `self`: Bool
    }

    /// What the last form left to say: the account made, or the errors and what was typed.
    struct Outcome {
        var created: String?
        var errors: [FieldError]?
        var formEmail: String?
        var formName: String?
    }

    let users: [UserRow]
    let roles: [String]
    let pager: Pager.Links
    let created: String?
    let hasErrors: Bool
    let errors: [[String: String]]
    let formEmail: String?
    let formName: String?

    init(users: [UserRow], roles: [String], pager: Pager.Links, outcome: Outcome) {
        self.users = users
        self.roles = roles
        self.pager = pager
        created = outcome.created
        hasErrors = outcome.errors != nil
        errors = FieldWords.rows(outcome.errors ?? [])
        formEmail = outcome.formEmail
        formName = outcome.formName
    }
}

/// Links to the previous and next page of a list.
struct Pager {
    let total: Int
    let page: Page
    let path: String
    var query: String = ""

    /// What the pager template reads.
    struct Links: Sendable {
        let total: Int
        let from: Int
        let to: Int
        let previous: String?
        let next: String?
    }

    var links: Links {
        let join = query.isEmpty ? "?" : "?\(query)&"
        return Links(
            total: total, from: total == 0 ? 0 : page.offset + 1, to: min(total, page.offset + page.limit),
            previous: page.offset > 0 ? "\(path)\(join)offset=\(max(0, page.offset - page.limit))" : nil,
            next: page.offset + page.limit < total ? "\(path)\(join)offset=\(page.offset + page.limit)" : nil)
    }
}
