import AcubackCore
import FluentKit
import Foundation

extension AccountStore {
    public func createAPIToken(
        userID: UUID, name: String, tokenHash: String, prefix: String, now: Date, audit: AuditEntry? = nil
    ) async throws -> APITokenRecord {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        var errors = FieldErrorCollector()
        errors.check(!trimmed.isEmpty, "name", "must not be empty")
        errors.check(trimmed.count <= 80, "name", "must be at most 80 characters")
        try errors.throwIfAny()
        let token = APITokenModel()
        token.$user.id = userID
        token.name = trimmed
        token.tokenHash = tokenHash
        token.prefix = prefix
        token.createdAt = now
        return try await store.change(audit, at: now) { db in
            try await token.create(on: db)
            return (token.record, token.id?.uuidString)
        }
    }

    public func apiTokens(userID: UUID) async throws -> [APITokenRecord] {
        try await APITokenModel.query(on: store.reader).filter(\.$user.$id == userID).sort(\.$createdAt, .descending).all()
            .map(\.record)
    }

    /// Revokes one of the user's own tokens; false when there is no such token of theirs.
    @discardableResult
    public func revokeAPIToken(id: UUID, userID: UUID, now: Date, audit: AuditEntry? = nil) async throws -> Bool {
        guard let token = try await APITokenModel.query(on: store.fluent).filter(\.$id == id).filter(\.$user.$id == userID).first(),
              token.revokedAt == nil
        else { return false }
        token.revokedAt = now
        try await store.change(audit, at: now) { db in
            try await token.save(on: db)
            return ((), id.uuidString)
        }
        return true
    }
}
