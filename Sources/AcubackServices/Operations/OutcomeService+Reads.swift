import AcubackCore
import AcubackStore
import Foundation

extension OutcomeService {
    /// The clinic's outcome settings (important differences, review points): not patient data.
    public func settings(clinicID: UUID) async throws -> OutcomeSettings {
        try await store.settings(clinicID: clinicID)
    }

    /// The clinic's outcome settings as the API shows them to those who read the analytics.
    public func settings(by actor: Actor) async throws -> OutcomeSettings {
        try AccessPolicy.require(actor, .readAnalytics, .clinic(actor.clinicID))
        return try await store.settings(clinicID: actor.clinicID)
    }
}

extension ConsultationService {
    /// The red-flag history on its own, audited as such.
    public func redFlags(of patient: PatientRecord, by actor: Actor, from address: String?) async throws -> RedFlagHistory {
        try AccessPolicy.require(actor, .readPatientClinical, .patient(clinicID: patient.clinicID, patientID: patient.id))
        let history = try await store.redFlags(patientID: patient.id)
        try await services.record(.redFlagRead, by: actor, clinicID: patient.clinicID, patientID: patient.id, recordType: .redFlags, from: address)
        return history
    }
}
