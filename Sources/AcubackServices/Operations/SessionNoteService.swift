import AcubackCore
import AcubackStore
import Foundation

/// Treatment notes: written by the practitioner whose session it is; once the session is closed
/// a change is kept as an amendment beside the note it amends.
public struct SessionNoteService: Sendable {
    public let services: AppServices

    public init(services: AppServices) { self.services = services }

    var store: SessionNoteStore { services.sessionNoteStore }

    /// The notes of a session the caller has already opened through `TreatmentSessionService.session`.
    public func notes(of session: TreatmentSessionRecord) async throws -> [SessionNoteRecord] {
        try await store.notes(sessionID: session.id)
    }

    public func write(_ note: SessionNote, for sessionID: UUID, by actor: Actor, from address: String?) async throws -> SessionNoteRecord {
        let session = try await TreatmentSessionService(services: services).session(sessionID, for: .treatPatient, by: actor, from: address)
        try note.validate()
        return try await store.write(
            note, sessionID: session.id, amendment: !session.isOpen, by: actor.userID, name: actor.displayName, at: services.now(),
            audit: services.entry(
                session.isOpen ? .sessionNote : .sessionNoteAmend, by: actor, clinicID: session.clinicID, patientID: session.patientID,
                recordType: .sessionNote, from: address))
    }
}
