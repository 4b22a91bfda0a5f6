import AcubackCore
import AcubackStore
import Foundation

extension AccountService {
    /// Remembers the language the signed-in person chose, for their pages on any device and the
    /// mails sent to them.
    public func setLanguage(_ language: Language, by actor: Actor, from address: String?) async throws {
        try AccessPolicy.require(actor, .manageOwnAccount, .none)
        try await store.setLanguage(
            language.tag, userID: actor.userID,
            audit: services.entry(.userLanguage, by: actor, clinicID: actor.clinicID, recordType: .user, from: address), at: services.now())
    }
}
