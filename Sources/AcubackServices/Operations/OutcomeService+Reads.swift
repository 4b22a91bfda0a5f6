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

    /// The progress of each of the patient's treatment courses, newest first, as part of a read of
    /// their clinical record that the caller audits.
    public func courseProgress(of patient: PatientRecord, by actor: Actor) async throws -> [CourseProgress] {
        try AccessPolicy.require(actor, .readPatientClinical, .patient(clinicID: patient.clinicID, patientID: patient.id))
        var progress: [CourseProgress] = []
        for course in try await store.courses(patientID: patient.id) where course.kind == .treatment {
            if let one = try await store.progress(courseID: course.id) { progress.append(one) }
        }
        return progress
    }
}

extension ConsultationService {
    /// The patient's consultations and red-flag history, as part of a read of their clinical record
    /// that the caller audits.
    public func history(of patient: PatientRecord, by actor: Actor) async throws -> ([ConsultationRecord], RedFlagHistory) {
        try AccessPolicy.require(actor, .readPatientClinical, .patient(clinicID: patient.clinicID, patientID: patient.id))
        return (try await store.consultations(patientID: patient.id), try await store.redFlags(patientID: patient.id))
    }

    /// The red-flag history on its own, audited as such.
    public func redFlags(of patient: PatientRecord, by actor: Actor, from address: String?) async throws -> RedFlagHistory {
        try AccessPolicy.require(actor, .readPatientClinical, .patient(clinicID: patient.clinicID, patientID: patient.id))
        let history = try await store.redFlags(patientID: patient.id)
        try await services.record(.redFlagRead, by: actor, clinicID: patient.clinicID, patientID: patient.id, recordType: .redFlags, from: address)
        return history
    }
}

extension BookingService {
    /// The patient's visits from 90 days back to a year ahead, for their record page (audited by its caller).
    public func recentVisits(of patient: PatientRecord, by actor: Actor) async throws -> [AppointmentRecord] {
        guard actor.clinicID == patient.clinicID, actor.role != .patient || actor.patientID == patient.id else {
            throw NotFound(detail: "No such patient")
        }
        if actor.role != .patient { try AccessPolicy.require(actor, .readPatientContact, .patient(clinicID: patient.clinicID, patientID: patient.id)) }
        let now = services.now()
        return try await bookings.appointments(
            clinicID: patient.clinicID, from: now.addingTimeInterval(-90 * 86_400), to: now.addingTimeInterval(365 * 86_400), patientID: patient.id)
    }

    /// The regimen a new course for the patient starts from: the trial their current plan follows, GERAC otherwise.
    public func plannedRegimen(for patient: PatientRecord) async throws -> Regimen.Origin {
        let plan = try await services.sessionStore.currentPlan(patientID: patient.id)
        return plan?.plan.protocols.compactMap { Regimen.Origin(rawValue: $0.rawValue) }.first ?? .gerac
    }
}
