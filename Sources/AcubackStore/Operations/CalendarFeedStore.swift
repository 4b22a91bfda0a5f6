import FluentKit
import Foundation

/// Secret calendar links for a practitioner's or a patient's appointments. Making a new link for
/// an owner replaces the old one, which stops working.
public struct CalendarFeedStore: Sendable {
    public enum Owner: String, Sendable {
        case practitioner, patient
    }

    let store: AcubackDatabase

    public init(_ store: AcubackDatabase) {
        self.store = store
    }

    public func replaceFeed(owner: Owner, ownerID: UUID, tokenHash: String, now: Date, audit: AuditEntry? = nil) async throws {
        try await store.change(audit, at: now) { db in
            try await CalendarFeedModel.query(on: db).filter(\.$ownerType == owner.rawValue).filter(\.$ownerID == ownerID).delete()
            let feed = CalendarFeedModel()
            feed.ownerType = owner.rawValue
            feed.ownerID = ownerID
            feed.tokenHash = tokenHash
            feed.createdAt = now
            try await feed.create(on: db)
            return ((), nil)
        }
    }

    /// The owner of a feed link, while their account is enabled: a disabled account's feed stops at once.
    public func owner(tokenHash: String) async throws -> (owner: Owner, id: UUID)? {
        let db = try store.reader
        guard let feed = try await CalendarFeedModel.query(on: db).filter(\.$tokenHash == tokenHash).first(),
              let owner = Owner(rawValue: feed.ownerType)
        else { return nil }
        let userID: UUID? = switch owner {
        case .practitioner: try await PractitionerModel.find(feed.ownerID, on: db)?.$user.id
        case .patient: try await PatientModel.find(feed.ownerID, on: db)?.$user.id
        }
        guard let userID, let user = try await UserModel.find(userID, on: db), user.disabledAt == nil else { return nil }
        return (owner, feed.ownerID)
    }

    public func hasFeed(owner: Owner, ownerID: UUID) async throws -> Bool {
        try await CalendarFeedModel.query(on: store.reader).filter(\.$ownerType == owner.rawValue).filter(\.$ownerID == ownerID).first() != nil
    }
}
