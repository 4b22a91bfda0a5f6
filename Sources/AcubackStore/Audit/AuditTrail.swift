import AcubackCore
import FluentKit
import Foundation
import SQLKit

/// What to record: who did what to which patient's record, from where.
public struct AuditEntry: Sendable, Equatable {
    public var clinicID: UUID
    public var actorUserID: UUID?
    public var actorRole: String
    public var action: String
    public var patientID: UUID?
    public var recordType: String
    public var recordID: String?
    public var clientAddress: String?

    public init(
        clinicID: UUID, actorUserID: UUID?, actorRole: String, action: String, patientID: UUID? = nil,
        recordType: String, recordID: String? = nil, clientAddress: String? = nil
    ) {
        self.clinicID = clinicID
        self.actorUserID = actorUserID
        self.actorRole = actorRole
        self.action = action
        self.patientID = patientID
        self.recordType = recordType
        self.recordID = recordID
        self.clientAddress = clientAddress
    }
}

/// The append-only, hash-chained audit trail.
public struct AuditTrail: Sendable {
    let store: AcubackDatabase

    public init(_ store: AcubackDatabase) {
        self.store = store
    }

    /// Appends an event to its clinic's chain. Concurrent appends are ordered by the lock the
    /// head row's update takes, so the chain never forks, on SQLite or PostgreSQL.
    @discardableResult
    public func append(_ entry: AuditEntry, at: Date = Date()) async throws -> AuditEvent {
        let keys = try await store.auditKeyring()
        return try await store.fluent.transaction { db in try await Self.append(entry, at: at, keys: keys, on: db) }
    }

    static func append(_ entry: AuditEntry, at: Date, keys: AuditKeyring, on db: any Database) async throws -> AuditEvent {
        let sql = db as! any SQLDatabase
        // Whole milliseconds: the hash must survive the round trip through either database.
        let time = Date(timeIntervalSince1970: (at.timeIntervalSince1970 * 1000).rounded() / 1000)
        // The head row is made idempotently: two first appends for a clinic must not both insert it.
        try await sql.raw("""
            INSERT INTO audit_chain_heads (id, sequence, hash) VALUES (\(bind: entry.clinicID), 0, \(bind: AuditEvent.genesisHash))
            ON CONFLICT (id) DO NOTHING
            """).run()
        let head = try await sql.raw("""
            UPDATE audit_chain_heads SET sequence = sequence + 1 WHERE id = \(bind: entry.clinicID) RETURNING sequence, hash
            """).first()
        let sequence = try head!.decode(column: "sequence", as: Int.self)
        let previous = try head!.decode(column: "hash", as: String.self)
        var event = AuditEvent(
            clinicID: entry.clinicID, sequence: sequence, at: time, actorUserID: entry.actorUserID,
            actorRole: entry.actorRole, action: entry.action, patientID: entry.patientID, recordType: entry.recordType,
            recordID: entry.recordID, clientAddress: entry.clientAddress, previousHash: previous)
        (event.keyID, event.hash) = keys.sign(event.canonicalText)
        try await AuditEventModel(event).create(on: db)
        try await sql.raw("UPDATE audit_chain_heads SET hash = \(bind: event.hash) WHERE id = \(bind: entry.clinicID)").run()
        return event
    }

    public struct Filter: Sendable {
        public var clinicID: UUID
        /// Events about any of these patients; nil for all.
        public var patientIDs: [UUID]?
        public var actorUserID: UUID?
        public var from: Date?
        public var to: Date?

        public init(clinicID: UUID, patientIDs: [UUID]? = nil, actorUserID: UUID? = nil, from: Date? = nil, to: Date? = nil) {
            self.clinicID = clinicID
            self.patientIDs = patientIDs
            self.actorUserID = actorUserID
            self.from = from
            self.to = to
        }
    }

    /// Events matching the filter, newest first, a page at a time.
    public func search(_ filter: Filter, limit: Int = 50, offset: Int = 0) async throws -> (items: [AuditEvent], total: Int) {
        let query = AuditEventModel.query(on: try store.reader).filter(\.$clinicID == filter.clinicID)
        if let patientIDs = filter.patientIDs { query.filter(\.$patientID ~~ patientIDs) }
        if let actor = filter.actorUserID { query.filter(\.$actorUserID == actor) }
        if let from = filter.from { query.filter(\.$at >= from) }
        if let to = filter.to { query.filter(\.$at < to) }
        let total = try await query.copy().count()
        let items = try await query.sort(\.$sequence, .descending).range(offset..<(offset + limit)).all().map(\.event)
        return (items, total)
    }

    /// Checks every clinic's chain (or one clinic's), reading in pages so a long trail fits in memory.
    /// - Parameter anchor: a hash printed earlier by `audit head`; each report says whether its chain holds it.
    public func verify(
        clinicID: UUID? = nil, anchor: String? = nil, progress: (@Sendable (Int) -> Void)? = nil
    ) async throws -> [AuditChain.Report] {
        let db = try store.fluent
        // An empty trail needs no keys; a trail without its key file is not checked against a new one.
        let keys = try await AuditEventModel.query(on: db).first() == nil ? nil : try await store.auditKeyring(making: false)
        var heads = try await AuditChainHeadModel.query(on: db).all()
        let clinicsWithEvents = try await (db as! any SQLDatabase).raw("SELECT DISTINCT clinic_id FROM audit_events").all()
            .map { try $0.decode(column: "clinic_id", as: UUID.self) }
        var clinicIDs = heads.compactMap(\.id)
        for id in clinicsWithEvents where !clinicIDs.contains(id) { clinicIDs.append(id) }
        if let clinicID { clinicIDs = clinicIDs.filter { $0 == clinicID }; heads = heads.filter { $0.id == clinicID } }
        var reports: [AuditChain.Report] = []
        var checked = 0
        for id in clinicIDs.sorted(by: { $0.uuidString < $1.uuidString }) {
            var events: [AuditEvent] = []
            let pageSize = 5000
            while true {
                let page = try await AuditEventModel.query(on: db).filter(\.$clinicID == id).sort(\.$sequence)
                    .range(events.count..<(events.count + pageSize)).all().map(\.event)
                events += page
                checked += page.count
                progress?(checked)
                if page.count < pageSize { break }
            }
            let head = heads.first { $0.id == id }.map { (sequence: $0.sequence, hash: $0.hash) }
            reports.append(AuditChain.verify(clinicID: id, events: events, head: head, anchor: anchor, hash: { keys?.hash(of: $0) }))
        }
        return reports
    }
}
