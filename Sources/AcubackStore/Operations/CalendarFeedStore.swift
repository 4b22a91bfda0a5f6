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

    public func replaceFeed(owner: Owner, ownerID: UUID, tokenHash: String, now: Date) async throws {
        try await store.fluent.transaction { db in
            try await CalendarFeedModel.query(on: db).filter(\.$ownerType == owner.rawValue).filter(\.$ownerID == ownerID).delete()
            let feed = CalendarFeedModel()
            feed.ownerType = owner.rawValue
            feed.ownerID = ownerID
            feed.tokenHash = tokenHash
            feed.createdAt = now
            try await feed.create(on: db)
        }
    }

    public func owner(tokenHash: String) async throws -> (owner: Owner, id: UUID)? {
        guard let feed = try await CalendarFeedModel.query(on: store.fluent).filter(\.$tokenHash == tokenHash).first(),
              let owner = Owner(rawValue: feed.ownerType)
        else { return nil }
        return (owner, feed.ownerID)
    }

    public func hasFeed(owner: Owner, ownerID: UUID) async throws -> Bool {
        try await CalendarFeedModel.query(on: store.fluent).filter(\.$ownerType == owner.rawValue).filter(\.$ownerID == ownerID).first() != nil
    }
}
