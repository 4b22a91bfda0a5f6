import AcubackCore
import AcubackStore
import Foundation

public extension FHIRExport {
    /// Assessments, red flags and the decisions on them, consents, and every version of each
    /// session's note.
    public func consultationResources(
        for patient: PatientRecord, sessions: [TreatmentSessionRecord], practitionerIDs: inout Set<UUID>
    ) async throws -> [JSONValue] {
        var resources: [JSONValue] = []
        let consultations = try await ConsultationStore(database).consultations(patientID: patient.id)
        for record in consultations.reversed() {
            practitionerIDs.insert(record.practitionerID)
            resources.append(FHIRResources.clinicalImpression(
                id: record.id, patientID: patient.id, practitionerID: record.practitionerID, recordedAt: record.recordedAt,
                consultation: record.consultation))
        }
        let practitionerOfAssessment = Dictionary(uniqueKeysWithValues: consultations.map { ($0.id, $0.practitionerID) })
        let history = try await ConsultationStore(database).redFlags(patientID: patient.id)
        var flagIDsOfScreen: [UUID: [String]] = [:]
        for screen in history.screens where !screen.screen.flags.isEmpty {
            let clearedAt = history.decisions.first { $0.decision.outcome == .cleared && $0.decision.decidedAt >= screen.screen.screenedAt }?.decision.decidedAt
            for flag in screen.screen.flags {
                let id = "\(screen.id.uuidString.lowercased())-\(flag.rawValue.lowercased())"
                flagIDsOfScreen[screen.id, default: []].append(id)
                resources.append(FHIRResources.flag(
                    id: String(id.prefix(64)), patientID: patient.id, flag: flag, screenedAt: screen.screen.screenedAt, clearedAt: clearedAt,
                    screenedBy: screen.sourceID.flatMap { practitionerOfAssessment[$0] }))
            }
        }
        for decision in history.decisions {
            let screen = history.screens.filter { !$0.screen.flags.isEmpty && $0.screen.screenedAt <= decision.decision.decidedAt }.last
            resources.append(FHIRResources.redFlagDecision(
                id: decision.id, patientID: patient.id, flagIDs: screen.flatMap { flagIDsOfScreen[$0.id] }?.map { String($0.prefix(64)) } ?? [],
                outcome: decision.decision.outcome, reason: decision.decision.reason, referredTo: decision.decision.referredTo,
                decidedAt: decision.decision.decidedAt, decidedBy: decision.decidedByName,
                urgent: screen?.screen.flags.contains(where: \.isUrgent) ?? false))
        }
        for consent in try await PatientStore(database).consents(patientID: patient.id).reversed() {
            resources.append(FHIRResources.consent(
                id: consent.id.uuidString.lowercased(), patientID: patient.id, clinicID: patient.clinicID, version: consent.version,
                givenAt: consent.givenAt, method: consent.method, signedName: consent.signedName, reason: consent.reason))
        }
        let notes = try await SessionNoteStore(database).notes(sessionIDs: sessions.map(\.id))
        for session in sessions.reversed() {
            let versions = (notes[session.id] ?? []).reversed()
            var previous: UUID?
            for note in versions {
                resources.append(FHIRResources.noteComposition(
                    id: note.id, patientID: patient.id, practitionerID: session.practitionerID, sessionID: session.id, note: note.note,
                    writtenAt: note.writtenAt, amendment: note.isAmendment, replaces: previous))
                previous = note.id
            }
        }
        return resources
    }
}
