import AcubackCore
import AcubackStore
import Foundation

extension AccountService {
    /// The signed-in user's own account and personal API tokens.
    public func ownAccount(by actor: Actor) async throws -> (UserRecord?, [APITokenRecord]) {
        try AccessPolicy.require(actor, .manageOwnAccount, .none)
        return (try await store.user(id: actor.userID), try await store.apiTokens(userID: actor.userID))
    }

    /// Makes a personal API token; the token itself is answered once and stored only hashed.
    public func createAPIToken(named name: String, by actor: Actor, from address: String?) async throws -> String {
        try AccessPolicy.require(actor, .manageOwnAccount, .none)
        let token = SecureToken.make(prefix: "acb_")
        _ = try await store.createAPIToken(
            userID: actor.userID, name: name, tokenHash: SecureToken.hash(token), prefix: String(token.prefix(10)), now: services.now(),
            audit: services.entry(.tokenCreate, by: actor, clinicID: actor.clinicID, recordType: .apiToken, from: address))
        return token
    }

    /// Revokes one of the user's own tokens; another user's, or none, is not found.
    public func revokeAPIToken(id: UUID, by actor: Actor, from address: String?) async throws {
        try AccessPolicy.require(actor, .manageOwnAccount, .none)
        let entry = services.entry(.tokenRevoke, by: actor, clinicID: actor.clinicID, recordType: .apiToken, from: address)
        guard try await store.revokeAPIToken(id: id, userID: actor.userID, now: services.now(), audit: entry) else {
            throw NotFound(detail: "No such token")
        }
    }
}
