import AcubackCore
import AcubackStore
import Foundation

/// The first consultation for the API and the pages alike: assessments, the red-flag screen and
/// the decisions on it, and whether treatment may go ahead.
public struct ConsultationService: Sendable {
    public let services: AppServices

    public init(services: AppServices) { self.services = services }

    var store: ConsultationStore { services.consultationStore }

    /// Records a new assessment; its risk factors become the patient's intake, and any red flag
    /// stops planning and sessions until a clinician clears it.
    public func record(_ consultation: Consultation, for patient: PatientRecord, by actor: Actor, from address: String?) async throws
        -> ConsultationRecord
    {
        try AccessPolicy.require(actor, .planTreatment, .patient(clinicID: patient.clinicID, patientID: patient.id))
        guard let practitionerID = actor.practitionerID else {
            throw RuleRefusal(field: "practitioner", rule: "only a practitioner records an assessment: this account has no practitioner record")
        }
        try consultation.validate()
        let zone = try await services.clinicStore.settings(clinicID: patient.clinicID).zone
        let today = CalendarDay(services.now(), in: zone)
        return try await store.record(
            consultation, patientID: patient.id, clinicID: patient.clinicID, practitionerID: practitionerID, by: actor.userID,
            at: services.now(), attending: today.start(in: zone)..<today.adding(days: 1).start(in: zone),
            audit: services.entry(.assessmentRecord, by: actor, clinicID: patient.clinicID, patientID: patient.id, recordType: .assessment, from: address))
    }

    /// The patient's assessments, newest first; reading them is audited.
    public func consultations(of patient: PatientRecord, by actor: Actor, from address: String?) async throws -> [ConsultationRecord] {
        try AccessPolicy.require(actor, .readPatientClinical, .patient(clinicID: patient.clinicID, patientID: patient.id))
        let records = try await store.consultations(patientID: patient.id)
        try await services.record(
            .assessmentList, by: actor, clinicID: patient.clinicID, patientID: patient.id, recordType: .assessment, from: address)
        return records
    }

    /// A clinician's decision on the patient's red flags: "cleared" lets treatment go ahead,
    /// "referred" records the referral and keeps it stopped.
    public func decide(
        outcome: RedFlagOutcome?, reason: String, referredTo: String?, for patient: PatientRecord, by actor: Actor, from address: String?
    ) async throws -> RedFlagDecisionRecord {
        try AccessPolicy.require(actor, .planTreatment, .patient(clinicID: patient.clinicID, patientID: patient.id))
        try RedFlagDecision.validate(outcome: outcome, reason: reason, referredTo: referredTo)
        let history = try await store.redFlags(patientID: patient.id)
        guard !history.screens.allSatisfy(\.screen.flags.isEmpty) else {
            throw RuleRefusal(field: "outcome", rule: "the patient has no red flag to decide on")
        }
        let referral = outcome == .referred ? referredTo?.trimmingCharacters(in: .whitespacesAndNewlines) : nil
        return try await store.decide(
            RedFlagDecision(outcome: outcome!, reason: reason, referredTo: referral, decidedAt: services.now()),
            patientID: patient.id, clinicID: patient.clinicID, by: actor.userID, name: actor.displayName,
            audit: services.entry(
                outcome == .referred ? .redFlagReferred : .redFlagCleared, by: actor, clinicID: patient.clinicID, patientID: patient.id, recordType: .redFlagDecision,
                from: address))
    }

    /// Refuses planning or a session while a red flag stands.
    public func requireClearance(patientID: UUID) async throws {
        let clearance = try await store.redFlags(patientID: patientID).clearance
        guard case .stopped(let flags, let referred) = clearance else { return }
        let names = flags.map(\.question).joined(separator: "; ").lowercased()
        throw RuleRefusal(
            field: "redFlags",
            rule: referred
                ? "treatment is stopped: the patient was referred for red flags (\(names)); a clinician must record \"reviewed and cleared\" first"
                : "treatment is stopped by red flags (\(names)) until a clinician records \"reviewed and cleared\" with a reason")
    }
}
