import AcubackCore
import FluentKit
import Foundation

extension AccountStore {
    public static let sessionLifetime: TimeInterval = 12 * 3600

    public func createSession(
        userID: UUID, tokenHash: String, csrfToken: String, now: Date, audit: AuditEntry? = nil
    ) async throws -> SessionRecord {
        let session = LoginSessionModel()
        session.tokenHash = tokenHash
        session.$user.id = userID
        session.csrfToken = csrfToken
        session.createdAt = now
        session.lastSeenAt = now
        session.expiresAt = now.addingTimeInterval(Self.sessionLifetime)
        try await store.change(audit, at: now) { db in
            try await session.create(on: db)
            return ((), userID.uuidString)
        }
        return SessionRecord(id: session.id!, userID: userID, csrfToken: csrfToken, expiresAt: session.expiresAt)
    }

    public func deleteSession(tokenHash: String) async throws {
        try await LoginSessionModel.query(on: store.fluent).filter(\.$tokenHash == tokenHash).delete()
    }

    public func deleteSessions(userID: UUID) async throws {
        try await LoginSessionModel.query(on: store.fluent).filter(\.$user.$id == userID).delete()
    }

    // MARK: - Sign-in attempts

    /// Records an attempt; a sign-in records it as failed before checking the password, so that
    /// attempts running at the same moment count each other.
    @discardableResult
    public func recordSignInAttempt(account: String, address: String, succeeded: Bool, at: Date) async throws -> UUID {
        let attempt = SignInAttemptModel()
        attempt.id = UUID()
        attempt.account = EmailRule.normalized(account)
        attempt.address = address
        attempt.succeeded = succeeded
        attempt.at = at
        try await attempt.create(on: store.fluent)
        return attempt.id!
    }

    /// The attempt turned out right.
    public func markSignInSucceeded(_ id: UUID) async throws {
        try await SignInAttemptModel.query(on: store.fluent).filter(\.$id == id).set(\.$succeeded, to: true).update()
    }

    /// An attempt refused by the throttle before its password was checked is not counted.
    public func forgetSignInAttempt(_ id: UUID) async throws {
        try await SignInAttemptModel.query(on: store.fluent).filter(\.$id == id).delete()
    }

    /// Failed attempts since `since`, for the account name and for the address.
    public func recentFailures(account: String, address: String, since: Date, excluding: UUID? = nil) async throws -> (account: [Date], address: [Date]) {
        let db = try store.reader
        let byAccount = try await SignInAttemptModel.query(on: db)
            .filter(\.$account == EmailRule.normalized(account)).filter(\.$succeeded == false).filter(\.$at >= since).all()
        let byAddress = try await SignInAttemptModel.query(on: db)
            .filter(\.$address == address).filter(\.$succeeded == false).filter(\.$at >= since).all()
        return (byAccount.filter { $0.id != excluding }.map(\.at), byAddress.filter { $0.id != excluding }.map(\.at))
    }
}
