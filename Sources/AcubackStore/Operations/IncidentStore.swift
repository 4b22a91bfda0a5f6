import AcubackCore
import FluentKit
import Foundation

/// Incidents followed up from open to closed: an owner, append-only notes, and an outcome.
public struct IncidentStore: Sendable {
    let store: AcubackDatabase

    public init(_ store: AcubackDatabase) {
        self.store = store
    }

    public func incidents(clinicID: UUID, unresolved: Bool = false, limit: Int = 200) async throws -> [IncidentRecord] {
        let db = try store.reader
        let query = IncidentModel.query(on: db).filter(\.$clinicID == clinicID)
        if unresolved { query.filter(\.$status != .closed) }
        let models = try await query.sort(\.$occurredAt, .descending).limit(limit).with(\.$patient).all()
        let owners = try await names(Set(models.compactMap(\.ownerUserID)), on: db)
        return try models.map { try $0.record(owners: owners) }
    }

    /// One incident of the clinic with its notes; nil when the clinic has no such incident.
    public func incident(id: UUID, clinicID: UUID) async throws -> IncidentRecord? {
        let db = try store.reader
        guard let model = try await IncidentModel.query(on: db).filter(\.$id == id).filter(\.$clinicID == clinicID).with(\.$patient).first()
        else { return nil }
        var record = try model.record(owners: try await names(Set(model.ownerUserID.map { [$0] } ?? []), on: db))
        record.notes = try await IncidentNoteModel.query(on: db).filter(\.$incident.$id == id).sort(\.$writtenAt).all().map(\.record)
        return record
    }

    /// Applies one follow-up step: status, owner, a note, the outcome on closing. The owner must
    /// be a staff user of the clinic. Nothing is stored when any part is refused.
    public func followUp(
        id: UUID, clinicID: UUID, _ step: IncidentFollowUp, by author: (id: UUID, name: String), at now: Date, audit: AuditEntry
    ) async throws -> IncidentRecord? {
        let note = step.note.trimmingCharacters(in: .whitespacesAndNewlines)
        let outcome = step.outcome.trimmingCharacters(in: .whitespacesAndNewlines)
        // Looked up first, so that asking for another clinic's incident writes no audit event.
        guard try await incident(id: id, clinicID: clinicID) != nil else { return nil }
        let found = try await store.audited(audit, at: now) { db -> (Bool, recordID: String?) in
            guard let model = try await IncidentModel.query(on: db).filter(\.$id == id).filter(\.$clinicID == clinicID).first() else {
                return (false, nil)
            }
            try step.validate(from: model.status)
            if model.status == .closed {
                // A closed incident keeps its owner and outcome; only notes can still be added.
                guard !note.isEmpty else { throw ValidationError(field: "note", rule: "the incident is closed; only a note can be added") }
            } else {
                if let owner = step.ownerUserID, owner != model.ownerUserID {
                    guard let user = try await UserModel.find(owner, on: db), user.$clinic.id == clinicID, user.disabledAt == nil,
                          let role = Role(rawValue: user.role), role != .patient
                    else { throw ValidationError(field: "owner", rule: "must be a staff member of this clinic") }
                }
                model.ownerUserID = step.ownerUserID
                if step.status == .closed {
                    model.outcome = outcome
                    model.closedAt = now
                }
                model.status = step.status
                try await model.save(on: db)
            }
            if !note.isEmpty {
                let entry = IncidentNoteModel()
                entry.$incident.id = id
                entry.authorUserID = author.id
                entry.authorName = author.name
                entry.writtenAt = now
                entry.text = note
                try await entry.create(on: db)
            }
            return (true, id.uuidString)
        }
        return found ? try await incident(id: id, clinicID: clinicID) : nil
    }

    /// Users who can own an incident: the clinic's staff still signed up.
    public func possibleOwners(clinicID: UUID) async throws -> [(id: UUID, name: String)] {
        try await UserModel.query(on: store.reader).filter(\.$clinic.$id == clinicID).filter(\.$role != Role.patient.rawValue)
            .filter(\.$disabledAt == nil).sort(\.$displayName).all().map { ($0.id!, $0.displayName) }
    }

    private func names(_ ids: Set<UUID>, on db: any Database) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        return Dictionary(uniqueKeysWithValues: try await UserModel.query(on: db).filter(\.$id ~~ ids).all().map { ($0.id!, $0.displayName) })
    }
}

extension IncidentModel {
    func record(owners: [UUID: String]) throws -> IncidentRecord {
        var record = IncidentRecord(
            id: try requireID(), sessionID: $session.id, patientID: $patient.id,
            kind: kind, detail: detail, occurredAt: occurredAt)
        record.patientName = "\(patient.givenName) \(patient.familyName)"
        record.status = status
        record.ownerUserID = ownerUserID
        record.ownerName = ownerUserID.flatMap { owners[$0] } ?? ""
        record.outcome = outcome ?? ""
        record.closedAt = closedAt
        return record
    }
}

extension IncidentNoteModel {
    var record: IncidentNoteRecord {
        IncidentNoteRecord(id: id!, authorUserID: authorUserID, authorName: authorName, writtenAt: writtenAt, text: text)
    }
}
