import AcubackCore
import FluentKit
import Foundation

/// Notes of treatment sessions. Nothing is edited in place: each version is a row, and the
/// newest is the note.
public struct SessionNoteStore: Sendable {
    let store: AcubackDatabase

    public init(_ store: AcubackDatabase) {
        self.store = store
    }

    public func write(
        _ note: SessionNote, sessionID: UUID, amendment: Bool, by userID: UUID, name: String, at now: Date, audit: AuditEntry
    ) async throws -> SessionNoteRecord {
        let id = UUID()
        try await store.audited(audit, at: now) { db in
            let model = SessionNoteModel()
            model.id = id
            model.$session.id = sessionID
            model.writtenAt = now
            model.writtenBy = userID
            model.writtenByName = name
            model.amendment = amendment
            model.subjective = note.subjective
            model.objective = note.objective
            model.assessment = note.assessment
            model.plan = note.plan
            model.tongue = note.tongue
            model.pulse = note.pulse
            model.pattern = note.pattern
            try await model.create(on: db)
            return ((), id.uuidString)
        }
        return SessionNoteRecord(
            id: id, sessionID: sessionID, writtenAt: now, writtenBy: userID, writtenByName: name, isAmendment: amendment, note: note)
    }

    /// Every version of the session's note, newest first.
    public func notes(sessionID: UUID) async throws -> [SessionNoteRecord] {
        try await notes(sessionIDs: [sessionID])[sessionID] ?? []
    }

    /// The notes of several sessions at once, newest first for each.
    public func notes(sessionIDs: [UUID]) async throws -> [UUID: [SessionNoteRecord]] {
        guard !sessionIDs.isEmpty else { return [:] }
        let models = try await SessionNoteModel.query(on: store.reader).filter(\.$session.$id ~~ sessionIDs)
            .sort(\.$writtenAt, .descending).all()
        return Dictionary(grouping: models.map(\.record), by: \.sessionID)
    }
}

extension SessionNoteModel {
    var record: SessionNoteRecord {
        SessionNoteRecord(
            id: id!, sessionID: $session.id, writtenAt: writtenAt, writtenBy: writtenBy, writtenByName: writtenByName, isAmendment: amendment,
            note: SessionNote(
                subjective: subjective, objective: objective, assessment: assessment, plan: plan, tongue: tongue, pulse: pulse, pattern: pattern))
    }
}
