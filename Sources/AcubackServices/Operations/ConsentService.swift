import AcubackCore
import AcubackStore
import Foundation

/// The clinic's consent text and patients' consent to it, for the API and the pages alike.
public struct ConsentService: Sendable {
    public let services: AppServices

    public init(services: AppServices) { self.services = services }

    var store: ConsentStore { services.consentStore }

    /// The text patients are asked to consent to now.
    public func current(clinicID: UUID) async throws -> ConsentTextRecord {
        try await store.current(clinicID: clinicID)
    }

    /// Records a patient's consent to the current version: signed by the patient online (their
    /// own record only) or at the desk with a typed name, or given aloud with a reason.
    public func sign(_ signature: ConsentSignature, for patient: PatientRecord, by actor: Actor, from address: String?) async throws
        -> ConsentRecord
    {
        try AccessPolicy.require(actor, .changePatientContact, .patient(clinicID: patient.clinicID, patientID: patient.id))
        switch (actor.role, signature.method) {
        case (.patient, .online), (.reception, .desk), (.practitioner, .desk), (.admin, .desk), (.practitioner, .verbal), (.admin, .verbal):
            break
        case (.patient, _):
            throw ValidationError(field: "method", rule: "a patient signs online, in their own record")
        case (_, .online):
            throw ValidationError(field: "method", rule: "'online' is the patient's own signature: staff record 'desk' or 'verbal'")
        default:
            throw ValidationError(field: "method", rule: "only a practitioner records verbal consent")
        }
        try signature.validate()
        if signature.method != .verbal, !ConsentSignature.matches(signature.signedName, patient.name) {
            throw ValidationError(field: "signedName", rule: "must be the patient's full name as registered (\(patient.name))")
        }
        let version = try await store.current(clinicID: patient.clinicID).version
        return try await store.sign(
            signature, version: version, patientID: patient.id, at: services.now(), recordedBy: actor.userID,
            audit: services.entry(
                .patientConsent, by: actor, clinicID: patient.clinicID, patientID: patient.id, recordType: .consent, from: address))
    }

    /// Publishes a new version of the clinic's text; every patient is asked again.
    public func publish(text: String, by actor: Actor, from address: String?) async throws -> ConsentTextRecord {
        try AccessPolicy.require(actor, .manageUsers, .clinic(actor.clinicID))
        return try await store.publish(
            text: text, clinicID: actor.clinicID, by: actor.userID, at: services.now(),
            audit: services.entry(.consentPublish, by: actor, clinicID: actor.clinicID, recordType: .consentText, from: address))
    }

    /// Refuses a session when the patient has not consented to the current version.
    public func requireCurrentConsent(patientID: UUID, clinicID: UUID) async throws {
        let current = try await store.current(clinicID: clinicID).version
        let given = try await services.patientStore.consents(patientID: patientID)
        guard given.contains(where: { $0.version == current }) else {
            throw RuleRefusal(
                field: "consent",
                rule: "the patient has not consented to the clinic's current consent text (version \(current)): record consent on their record first")
        }
    }
}
