import AcubackCore
import FluentKit
import Foundation

extension AccountStore {
    public static let resetLifetime: TimeInterval = 30 * 60

    /// Stores a reset token for the user and queues the message carrying it, in one transaction.
    public static let invitationLifetime: TimeInterval = 72 * 3600

    /// A new link retires the user's older unused ones: only the latest mail works.
    public func createPasswordReset(
        userID: UUID, tokenHash: String, now: Date, lifetime: TimeInterval = resetLifetime, message: OutboxDraft
    ) async throws {
        try await store.fluent.transaction { db in
            try await Self.retireResets(userID: userID, now: now, on: db)
            let reset = PasswordResetModel()
            reset.$user.id = userID
            reset.tokenHash = tokenHash
            reset.createdAt = now
            reset.expiresAt = now.addingTimeInterval(lifetime)
            try await reset.create(on: db)
            try await OutboxStore.enqueue(message, on: db, now: now)
        }
    }

    /// Uses a reset token once: sets the new password, signs the user out everywhere, revokes their
    /// API tokens and retires every other reset link. Nil when the token is unknown, used or
    /// expired; nothing changes then.
    public func completePasswordReset(
        tokenHash: String, newPasswordHash: String, now: Date, audit: AuditEntry? = nil
    ) async throws -> UserRecord? {
        let keys = try await store.keys(for: audit)
        return try await store.fluent.transaction { db in
            guard let reset = try await PasswordResetModel.query(on: db).filter(\.$tokenHash == tokenHash).with(\.$user).first(),
                  reset.usedAt == nil, reset.expiresAt > now, reset.user.disabledAt == nil
            else { return nil }
            reset.usedAt = now
            try await reset.save(on: db)
            reset.user.passwordHash = newPasswordHash
            try await reset.user.save(on: db)
            try await LoginSessionModel.query(on: db).filter(\.$user.$id == reset.$user.id).delete()
            try await Self.revokeAPITokens(userID: reset.$user.id, now: now, on: db)
            try await Self.retireResets(userID: reset.$user.id, now: now, on: db)
            try await audit?.append(recordID: reset.$user.id.uuidString, keys: keys, at: now, on: db)
            return reset.user.record
        }
    }

    /// The user a still-usable reset token belongs to (to check the new password against their address).
    public func passwordResetUser(tokenHash: String, now: Date) async throws -> UserRecord? {
        guard let reset = try await PasswordResetModel.query(on: store.reader).filter(\.$tokenHash == tokenHash).with(\.$user).first(),
              reset.usedAt == nil, reset.expiresAt > now
        else { return nil }
        return reset.user.record
    }

    static func retireResets(userID: UUID, now: Date, on db: any Database) async throws {
        try await PasswordResetModel.query(on: db).filter(\.$user.$id == userID).filter(\.$usedAt == nil).set(\.$usedAt, to: now).update()
    }

    static func revokeAPITokens(userID: UUID, now: Date, on db: any Database) async throws {
        try await APITokenModel.query(on: db).filter(\.$user.$id == userID).filter(\.$revokedAt == nil).set(\.$revokedAt, to: now).update()
    }

    /// True when the token could still be used (to show the form or say it has expired).
    public func passwordResetIsValid(tokenHash: String, now: Date) async throws -> Bool {
        guard let reset = try await PasswordResetModel.query(on: store.reader).filter(\.$tokenHash == tokenHash).first() else {
            return false
        }
        return reset.usedAt == nil && reset.expiresAt > now
    }
}
