import AcubackCore
import FluentKit
import Foundation

extension AccountStore {
    public static let resetLifetime: TimeInterval = 30 * 60

    /// Stores a reset token for the user and queues the message carrying it, in one transaction.
    public static let invitationLifetime: TimeInterval = 72 * 3600

    public func createPasswordReset(
        userID: UUID, tokenHash: String, now: Date, lifetime: TimeInterval = resetLifetime, message: OutboxDraft
    ) async throws {
        try await store.fluent.transaction { db in
            let reset = PasswordResetModel()
            reset.$user.id = userID
            reset.tokenHash = tokenHash
            reset.createdAt = now
            reset.expiresAt = now.addingTimeInterval(lifetime)
            try await reset.create(on: db)
            try await OutboxStore.enqueue(message, on: db, now: now)
        }
    }

    /// Uses a reset token once: sets the new password and signs the user out everywhere.
    /// Nil when the token is unknown, used or expired; nothing changes then.
    public func completePasswordReset(tokenHash: String, newPasswordHash: String, now: Date) async throws -> UserRecord? {
        try await store.fluent.transaction { db in
            guard let reset = try await PasswordResetModel.query(on: db).filter(\.$tokenHash == tokenHash).with(\.$user).first(),
                  reset.usedAt == nil, reset.expiresAt > now, reset.user.disabledAt == nil
            else { return nil }
            reset.usedAt = now
            try await reset.save(on: db)
            reset.user.passwordHash = newPasswordHash
            try await reset.user.save(on: db)
            try await LoginSessionModel.query(on: db).filter(\.$user.$id == reset.$user.id).delete()
            return reset.user.record
        }
    }

    /// True when the token could still be used (to show the form or say it has expired).
    public func passwordResetIsValid(tokenHash: String, now: Date) async throws -> Bool {
        guard let reset = try await PasswordResetModel.query(on: store.fluent).filter(\.$tokenHash == tokenHash).first() else {
            return false
        }
        return reset.usedAt == nil && reset.expiresAt > now
    }
}
