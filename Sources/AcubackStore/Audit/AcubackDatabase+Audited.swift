import FluentKit
import Foundation

extension AcubackDatabase {
    /// Runs a change and appends its audit event in one transaction: both are stored, or neither.
    /// `work` returns its result and the id of the record it made, which the event names.
    public func audited<T: Sendable>(
        _ entry: AuditEntry, at now: Date, _ work: @escaping @Sendable (any Database) async throws -> (T, recordID: String?)
    ) async throws -> T {
        let keys = try await auditKeyring()
        return try await fluent.transaction { db in
            let (result, recordID) = try await work(db)
            var event = entry
            if let recordID { event.recordID = recordID }
            try await AuditTrail.append(event, at: now, keys: keys, on: db)
            return result
        }
    }

    /// Runs a change in one transaction, with its audit event when there is one.
    public func change<T: Sendable>(
        _ audit: AuditEntry?, at now: Date, _ work: @escaping @Sendable (any Database) async throws -> (T, recordID: String?)
    ) async throws -> T {
        if let audit { return try await audited(audit, at: now, work) }
        return try await fluent.transaction { db in try await work(db).0 }
    }
}
