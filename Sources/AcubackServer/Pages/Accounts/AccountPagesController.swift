import AcubackServices
import AcubackCore
import Foundation
import Hummingbird

/// One's own account: who you are signed in as, and personal API tokens (shown once, stored
/// hashed, revocable).
struct AccountPagesController {
    let renderer: PageRenderer
    let services: AppServices

    func addRoutes(to router: Router<AcubackRequestContext>) {
        router.get("/account") { request, context in
            try context.require(.manageOwnAccount)
            return try await page(request, context)
        }
        router.post("/account/tokens") { request, context in
            try context.require(.manageOwnAccount)
            let actor = context.actor!
            let form = try await FormFields.of(request)
            let token: String
            do {
                token = try await services.accounts.createAPIToken(named: form.text("name"), by: actor, from: context.clientAddress)
            } catch let error as ValidationError {
                return try await page(request, context, tokenError: error.errors.map(FieldWords.sentence).joined(separator: "; "), status: .badRequest)
            }
            return try await page(request, context, newToken: token)
        }
        router.post("/account/tokens/{id}/revoke") { request, context in
            try context.require(.manageOwnAccount)
            let actor = context.actor!
            guard let id = context.parameters.get("id", as: UUID.self) else { throw HTTPError(.notFound) }
            do {
                try await services.accounts.revokeAPIToken(id: id, by: actor, from: context.clientAddress)
            } catch is NotFound {
                throw HTTPError(.notFound)
            }
            return Response.redirect(to: "/account", type: .normal)
        }
    }

    private func page(
        _ request: Request, _ context: AcubackRequestContext, newToken: String? = nil, tokenError: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let actor = context.actor!
        let (user, tokens) = try await services.accounts.ownAccount(by: actor)
        let clinic = try await services.clinic.clinic(id: actor.clinicID)
        let zone = TimeZone(identifier: clinic?.timeZone ?? "UTC") ?? .gmt
        // The calendar link is shown once, right after it is made; only its hash is kept.
        let feed = request.uri.queryParameters["feed"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        let model = AccountPage(
            email: user?.email ?? "", role: actor.role.rawValue, clinic: clinic?.name ?? "",
            tokens: tokens.map { AccountPage.TokenRow($0, zone: zone) }, hasTokens: !tokens.isEmpty,
            canHaveFeed: actor.practitionerID != nil || actor.patientID != nil,
            // API tokens are for staff who script the clinic's work; a patient's page does not offer
            // them (one made before is still listed, to revoke).
            showTokens: actor.role != .patient || !tokens.isEmpty,
            feedURL: feed.map { "\(services.publicURL)/calendar/\($0).ics" }, newToken: newToken, tokenError: tokenError)
        return try renderer.render("account", context, path: "/account", model: model, status: status)
            .response(from: request, context: context)
    }
}

/// The account template's values.
struct AccountPage: PageModel {
    struct TokenRow: Sendable {
        let id: String
        let name: String
        let prefix: String
        let created: String
        let active: Bool
        let lastUsed: String?

        init(_ token: APITokenRecord, zone: TimeZone) {
            id = token.id.uuidString
            name = token.name
            prefix = token.prefix
            created = DisplayTime.format(token.createdAt, in: zone)
            active = token.revokedAt == nil
            lastUsed = token.lastUsedAt.map { DisplayTime.format($0, in: zone) }
        }
    }

    let email: String
    let role: String
    let clinic: String
    let tokens: [TokenRow]
    let hasTokens: Bool
    let canHaveFeed: Bool
    let showTokens: Bool
    let feedURL: String?
    /// Shown once, right after it is made: only its hash is kept.
    let newToken: String?
    let tokenError: String?
}
