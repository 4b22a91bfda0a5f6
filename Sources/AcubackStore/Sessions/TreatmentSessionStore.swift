import AcubackCore
import FluentKit
import FluentSQL
import Foundation
import SQLKit

/// Treatment sessions at the chair. Every change replays the session's ledger inside a
/// transaction, applies the new entry under the ledger's rules and stores it with the next
/// sequence number; a refused entry stores nothing.
public struct TreatmentSessionStore: Sendable {
    let store: AcubackDatabase

    public init(_ store: AcubackDatabase) {
        self.store = store
    }

    /// Starts a session and marks its appointment attended, both or neither.
    public func start(_ new: NewTreatmentSession, audit: AuditEntry? = nil) async throws -> TreatmentSessionRecord {
        let db = try store.fluent
        let keys = try await store.keys(for: audit)
        if let existing = try await TreatmentSessionModel.query(on: db).filter(\.$appointment.$id == new.appointmentID).first() {
            throw TreatmentSessionError.alreadyStarted(sessionID: try existing.requireID())
        }
        let model = TreatmentSessionModel()
        model.clinicID = new.clinicID
        model.$patient.id = new.patientID
        model.$practitioner.id = new.practitionerID
        model.$appointment.id = new.appointmentID
        model.$plan.id = new.plan.id
        model.position = new.position
        model.painBefore = new.painBefore
        model.targetMinutes = RetentionTimer(targetMinutes: new.plan.plan.retentionMinutes).targetMinutes
        model.startedAt = new.startedAt
        model.offDayReason = new.offDayReason
        model.reactions = ""
        model.adviceGiven = false
        do {
            try await db.transaction { db in
                model.planDigest = try await PlanDocuments.store(new.plan.plan, on: db)
                try await model.create(on: db)
                try await AppointmentModel.query(on: db).filter(\.$id == new.appointmentID)
                    .set(\.$status, to: .completed).update()
                try await audit?.append(recordID: model.id?.uuidString, keys: keys, at: new.startedAt, on: db)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Another device started it a moment earlier.
            let existing = try await TreatmentSessionModel.query(on: db).filter(\.$appointment.$id == new.appointmentID).first()
            throw TreatmentSessionError.alreadyStarted(sessionID: try existing?.requireID() ?? UUID())
        }
        return try await named(record(model, plan: new.plan.plan, events: []))
    }

    /// The session started from an appointment, if one was.
    public func sessionID(appointmentID: UUID) async throws -> UUID? {
        try await TreatmentSessionModel.query(on: store.reader).filter(\.$appointment.$id == appointmentID).first()?.requireID()
    }

    public func session(id: UUID) async throws -> TreatmentSessionRecord? {
        let db = try store.reader
        guard let model = try await TreatmentSessionModel.find(id, on: db) else { return nil }
        return try await named(record(model, plan: PlanDocuments.plan(model.planDigest, on: db), events: events(of: id, on: db)))
    }

    /// Sessions of a clinic, newest first, optionally of one practitioner or patient, or open ones only.
    public func sessions(
        clinicID: UUID, practitionerID: UUID? = nil, patientID: UUID? = nil, openOnly: Bool = false, limit: Int = 100
    ) async throws -> [TreatmentSessionRecord] {
        try await named(try await unnamed(clinicID: clinicID, practitionerID: practitionerID, patientID: patientID, openOnly: openOnly, limit: limit))
    }

    /// The patient's last sessions, newest first, named from the patient and the clinic's
    /// directory the caller already holds rather than read again.
    public func sessions(of patient: PatientRecord, directory: ClinicDirectorySnapshot, limit: Int) async throws -> [TreatmentSessionRecord] {
        let practitioners = directory.practitionerNames
        return try await unnamed(clinicID: patient.clinicID, patientID: patient.id, limit: limit).map { record in
            var named = record
            named.patientName = patient.name
            named.practitionerName = practitioners[record.practitionerID] ?? ""
            return named
        }
    }

    private func unnamed(
        clinicID: UUID, practitionerID: UUID? = nil, patientID: UUID? = nil, openOnly: Bool = false, limit: Int
    ) async throws -> [TreatmentSessionRecord] {
        let db = try store.reader
        let select = try store.readSQL.select().column("*").from(TreatmentSessionModel.schema).where("clinic_id", .equal, clinicID)
        if let practitionerID { select.where("practitioner_id", .equal, practitionerID) }
        if let patientID { select.where("patient_id", .equal, patientID) }
        if openOnly { select.where("closed_at", .is, SQLLiteral.null) }
        let models = try await select.orderBy("started_at", .descending).limit(limit).all()
            .map { try $0.decode(fluentModel: TreatmentSessionModel.self) }
        let ledgers = try await ledgers(of: models, on: db)
        let plans = try await PlanDocuments.plans(models.map(\.planDigest), on: db)
        var records: [TreatmentSessionRecord] = []
        for model in models {
            records.append(try record(model, plan: plans[model.planDigest]!, events: ledgers[model.id!] ?? []))
        }
        return records
    }

    /// Adds one entry to the ledger. A declared loss also opens an incident for the clinic admin.
    public func record(_ event: NeedleEvent, sessionID: UUID, by userID: UUID, audit: AuditEntry? = nil) async throws -> TreatmentSessionRecord {
        try await change(sessionID, by: userID, audit: audit, at: event.at) { model, chair, db in
            try chair.record(event)
            if case .declaredLost(let note, let at) = event {
                let lost = chair.ledger.lostCount
                try await IncidentModel(
                    clinicID: model.clinicID, patientID: model.$patient.id, sessionID: try model.requireID(), kind: .needleLost,
                    detail: "\(lost) needle(s) not found after the search. \(note)", occurredAt: at, reportedBy: userID
                ).create(on: db)
            }
            return [event]
        }
    }

    /// Starts the retention timer by hand; a running timer is left as it is, so a second tap or a
    /// second device does not restart it.
    public func startTimer(sessionID: UUID, at now: Date, by userID: UUID, audit: AuditEntry? = nil) async throws -> TreatmentSessionRecord {
        try await change(sessionID, by: userID, audit: audit, at: now) { _, chair, _ in
            if !chair.timer.isRunning { chair.timer.startedAt = now }
            return []
        }
    }

    /// Closes the session when the ledger and the closing pass the rules.
    public func close(
        sessionID: UUID, closing: SessionClosing, at now: Date, by userID: UUID, audit: AuditEntry? = nil
    ) async throws -> TreatmentSessionRecord {
        try await change(sessionID, by: userID, audit: audit, at: now) { model, chair, db in
            try chair.validate(closing)
            try await PatientTallies.sessionClosed(patientID: model.$patient.id, clinicID: model.clinicID, on: db)
            model.closedAt = now
            model.painAfter = closing.painAfter
            model.reactions = closing.reactions.map(\.rawValue).joined(separator: ",")
            model.adviceGiven = closing.adviceGiven
            model.removalReason = closing.removalReason?.trimmingCharacters(in: .whitespacesAndNewlines)
            model.adjunctsJSON = closing.adjuncts.isEmpty ? nil : try JSONColumn.encode(closing.adjuncts.map {
                SessionAdjunct(kind: $0.kind, detail: $0.detail.trimmingCharacters(in: .whitespacesAndNewlines))
            })
            return []
        }
    }

    /// Runs `body` on the session's replayed state in a transaction and stores what it returns.
    /// Two devices writing at once collide on the sequence number; the loser replays and retries.
    private func change(
        _ sessionID: UUID, by userID: UUID, audit: AuditEntry?, at now: Date,
        _ body: @escaping @Sendable (TreatmentSessionModel, inout ChairSession, any Database) async throws -> [NeedleEvent]
    ) async throws -> TreatmentSessionRecord {
        let keys = try await store.keys(for: audit)
        for _ in 0..<5 {
            do {
                let changed = try await store.fluent.transaction { db in
                    guard let model = try await TreatmentSessionModel.find(sessionID, on: db) else { throw TreatmentSessionError.notFound }
                    guard model.closedAt == nil else { throw TreatmentSessionError.closed }
                    let stored = try await events(of: sessionID, on: db)
                    let plan = try await PlanDocuments.plan(model.planDigest, on: db)
                    var chair = try self.record(model, plan: plan, events: stored).chair
                    let new = try await body(model, &chair, db)
                    for (offset, event) in new.enumerated() {
                        let row = NeedleEventModel()
                        row.$session.id = sessionID
                        row.sequence = stored.count + offset + 1
                        row.at = event.at
                        row.kind = event.kind
                        row.recordedBy = userID
                        row.eventJSON = try SessionCoding.encode(event)
                        try await row.create(on: db)
                    }
                    model.timerStartedAt = chair.timer.startedAt
                    try await model.save(on: db)
                    try await audit?.append(recordID: sessionID.uuidString, keys: keys, at: now, on: db)
                    return try self.record(model, plan: plan, events: stored + new)
                }
                return try await named(changed)
            } catch let error as any DatabaseError where error.isConstraintFailure {
                continue
            }
        }
        throw TreatmentSessionError.busy
    }

    private func events(of sessionID: UUID, on db: any Database) async throws -> [NeedleEvent] {
        try await ledgers(of: [sessionID], on: db)[sessionID] ?? []
    }

    /// The sessions' ledgers; a closed session's from memory after its first read, since nothing
    /// is added to a ledger once its session is closed (`change` refuses).
    private func ledgers(of models: [TreatmentSessionModel], on db: any Database) async throws -> [UUID: [NeedleEvent]] {
        let closed = Set(try models.filter { $0.closedAt != nil }.map { try $0.requireID() })
        var ledgers = store.closedLedgers.ledgers(closed)
        let unread = try models.map { try $0.requireID() }.filter { ledgers[$0] == nil }
        let read = try await self.ledgers(of: unread, on: db)
        ledgers.merge(read) { _, new in new }
        // A closed session with no events at all has an empty ledger, kept as such.
        store.closedLedgers.keep(Dictionary(uniqueKeysWithValues: unread.filter(closed.contains).map { ($0, read[$0] ?? []) }))
        return ledgers
    }

    /// The sessions' ledgers in order, read as plain rows: a patient's page replays a few hundred
    /// events, and building a Fluent model for each cost more than the rest of the page.
    private func ledgers(of sessionIDs: [UUID], on db: any Database) async throws -> [UUID: [NeedleEvent]] {
        guard !sessionIDs.isEmpty else { return [:] }
        let rows = try await (db as! any SQLDatabase).select().columns("session_id", "event_json").from(NeedleEventModel.schema)
            .where("session_id", .in, sessionIDs).orderBy("sequence").all()
        var ledgers: [UUID: [NeedleEvent]] = [:]
        for row in rows {
            let event = try SessionCoding.decode(NeedleEvent.self, from: try row.decode(column: "event_json", as: String.self))
            ledgers[try row.decode(column: "session_id", as: UUID.self), default: []].append(event)
        }
        return ledgers
    }

    func record(_ model: TreatmentSessionModel, plan: TreatmentPlan, events: [NeedleEvent]) throws -> TreatmentSessionRecord {
        let ledger = try NeedleLedger(replaying: events)
        let chair = ChairSession(
            planned: plan.needles, ledger: ledger,
            timer: RetentionTimer(targetMinutes: model.targetMinutes, startedAt: model.timerStartedAt))
        let adjuncts = try model.adjunctsJSON.map { try JSONColumn.decode([SessionAdjunct].self, $0) } ?? []
        let closing = model.painAfter.map {
            SessionClosing(
                painAfter: $0, reactions: model.reactions.split(separator: ",").compactMap { ImmediateReaction(rawValue: String($0)) },
                adviceGiven: model.adviceGiven, removalReason: model.removalReason, adjuncts: adjuncts)
        }
        return TreatmentSessionRecord(
            id: try model.requireID(), clinicID: model.clinicID, patientID: model.$patient.id, practitionerID: model.$practitioner.id,
            appointmentID: model.$appointment.id, planID: model.$plan.id, plan: plan,
            position: model.position, painBefore: model.painBefore, startedAt: model.startedAt,
            chair: chair, closedAt: model.closedAt, closing: model.closedAt == nil ? nil : closing, offDayReason: model.offDayReason)
    }

    func named(_ record: TreatmentSessionRecord) async throws -> TreatmentSessionRecord {
        try await named([record]).first!
    }

    func named(_ records: [TreatmentSessionRecord]) async throws -> [TreatmentSessionRecord] {
        let db = try store.reader
        let patients = try await PatientModel.query(on: db).filter(\.$id ~~ Set(records.map(\.patientID))).all()
        let practitioners = try await PractitionerModel.query(on: db).filter(\.$id ~~ Set(records.map(\.practitionerID))).all()
        let patientNames = Dictionary(uniqueKeysWithValues: patients.map { ($0.id!, "\($0.givenName) \($0.familyName)") })
        let practitionerNames = Dictionary(uniqueKeysWithValues: practitioners.map { ($0.id!, $0.displayName) })
        return records.map { record in
            var named = record
            named.patientName = patientNames[record.patientID] ?? ""
            named.practitionerName = practitionerNames[record.practitionerID] ?? ""
            return named
        }
    }
}
