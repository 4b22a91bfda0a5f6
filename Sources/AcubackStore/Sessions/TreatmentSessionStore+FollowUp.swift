import AcubackCore
import FluentKit
import FluentSQL
import Foundation
import SQLKit

extension TreatmentSessionStore {
    /// Records the check-in after a closed session. A serious one also opens an incident.
    public func addCheckIn(
        _ checkIn: CheckIn, sessionID: UUID, by userID: UUID, role: Role, at now: Date, audit: AuditEntry? = nil
    ) async throws -> CheckInRecord {
        try checkIn.validate()
        let keys = try await store.keys(for: audit)
        let db = try store.fluent
        guard let session = try await TreatmentSessionModel.find(sessionID, on: db) else { throw TreatmentSessionError.notFound }
        guard session.closedAt != nil else { throw TreatmentSessionError.notClosed }
        if try await CheckInModel.query(on: db).filter(\.$session.$id == sessionID).first() != nil { throw TreatmentSessionError.checkInExists }
        let model = CheckInModel()
        model.$session.id = sessionID
        model.enteredAt = now
        model.enteredBy = userID
        model.enteredByRole = role.rawValue
        model.soreness = checkIn.soreness
        model.sorenessHoursAfter = checkIn.sorenessHoursAfter
        model.tiredness = checkIn.tiredness
        model.neededSleep = checkIn.neededSleep
        model.bruising = checkIn.bruising
        model.breathlessness = checkIn.breathlessness
        model.other = checkIn.other.trimmingCharacters(in: .whitespacesAndNewlines)
        model.markedSerious = checkIn.markedSerious
        model.serious = checkIn.isSerious
        do {
            try await db.transaction { db in
                try await model.create(on: db)
                try await audit?.append(recordID: model.id?.uuidString, keys: keys, at: now, on: db)
                try await PatientTallies.checkedIn(checkIn, patientID: session.$patient.id, clinicID: session.clinicID, on: db)
                if checkIn.isSerious {
                    try await IncidentModel(
                        clinicID: session.clinicID, patientID: session.$patient.id, sessionID: sessionID, kind: .seriousAfterEffect,
                        detail: Self.summary(of: checkIn), occurredAt: now, reportedBy: userID
                    ).create(on: db)
                }
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw TreatmentSessionError.checkInExists
        }
        return try model.record
    }

    public func checkIn(sessionID: UUID) async throws -> CheckInRecord? {
        try await CheckInModel.query(on: store.reader).filter(\.$session.$id == sessionID).first()?.record
    }

    /// The check-ins of these sessions, by session, in one query.
    public func checkIns(sessionIDs: [UUID]) async throws -> [UUID: CheckInRecord] {
        guard !sessionIDs.isEmpty else { return [:] }
        var checkIns: [UUID: CheckInRecord] = [:]
        let models = try await store.readSQL.select().column("*").from(CheckInModel.schema).where("session_id", .in, SQLBind.group(sessionIDs))
            .all().map { try $0.decode(fluentModel: CheckInModel.self) }
        for model in models {
            checkIns[model.$session.id] = try model.record
        }
        return checkIns
    }

    /// The clinic's incidents, newest first; with `unresolved`, only those not yet closed.
    public func incidents(clinicID: UUID, unresolved: Bool = false, limit: Int = 200) async throws -> [IncidentRecord] {
        try await IncidentStore(store).incidents(clinicID: clinicID, unresolved: unresolved, limit: limit)
    }

    static func summary(of checkIn: CheckIn) -> String {
        var parts = ["Soreness \(checkIn.soreness)/10"]
        if checkIn.breathlessness { parts.append("short of breath") }
        if checkIn.markedSerious { parts.append("marked serious") }
        if !checkIn.other.isEmpty { parts.append(checkIn.other) }
        return parts.joined(separator: "; ")
    }
}

extension CheckInModel {
    var record: CheckInRecord {
        get throws {
            CheckInRecord(
                id: try requireID(), sessionID: $session.id, enteredAt: enteredAt, enteredByRole: Role(rawValue: enteredByRole) ?? .patient,
                checkIn: CheckIn(
                    soreness: soreness, sorenessHoursAfter: sorenessHoursAfter, tiredness: tiredness, neededSleep: neededSleep,
                    bruising: bruising, breathlessness: breathlessness, other: other, markedSerious: markedSerious))
        }
    }
}
