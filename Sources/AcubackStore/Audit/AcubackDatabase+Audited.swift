import FluentKit
import Foundation

extension AcubackDatabase {
    /// Runs a change and appends its audit event in one transaction: both are stored, or neither.
    /// `work` returns its result and the id of the record it made, which the event names.
    public func audited<T: Sendable>(
        _ entry: AuditEntry, at now: Date, _ work: @escaping @Sendable (any Database) async throws -> (T, recordID: String?)
    ) async throws -> T {
        let keys = try await auditKeyring()
        return try await transaction { db in
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
        return try await transaction { db in try await work(db).0 }
    }

    /// One change in a transaction: on SQLite in the writer's next group commit, on PostgreSQL alone.
    func transaction<T: Sendable>(_ work: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        if let groupCommit { return try await groupCommit.submit(work) }
        return try await fluent.transaction(work)
    }

    /// The keys that will sign `entry`, read before a transaction opens; nil when there is no entry.
    public func keys(for entry: AuditEntry?) async throws -> AuditKeyring? {
        entry == nil ? nil : try await auditKeyring()
    }
}

extension AuditEntry {
    /// Appends this event inside the caller's transaction, naming `recordID` when given, so the
    /// event commits or rolls back with the change it records.
    func append(recordID: String?, keys: AuditKeyring?, at now: Date, on db: any Database) async throws {
        guard let keys else { return }
        var event = self
        if let recordID { event.recordID = recordID }
        _ = try await AuditTrail.append(event, at: now, keys: keys, on: db)
    }
}
