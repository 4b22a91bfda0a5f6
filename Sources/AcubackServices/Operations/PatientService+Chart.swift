import AcubackCore
import AcubackStore
import Foundation

/// Everything a patient's chart page shows that its reader may see, each part read once.
public struct PatientChart: Sendable {
    public let patient: PatientRecord
    public let zone: TimeZone
    /// The risk factors and assessments; nil for those who may not read the clinical record.
    public let clinical: PatientService.Clinical?
    /// Consultations newest first, and the red-flag history; empty and nil without the clinical record.
    public let consultations: [ConsultationRecord]
    public let redFlags: RedFlagHistory?
    public let currentPlan: SavedPlan?
    /// Treatment courses newest first, with what their charts read.
    public let courses: [CourseProgress]
    public let outcomeSettings: OutcomeSettings
    /// The last sessions with their check-ins, for those who may see them.
    public let sessions: [TreatmentSessionRecord]
    public let checkIns: [UUID: CheckInRecord]
    public let visits: [AppointmentRecord]
    public let consentText: ConsentTextRecord
    public let consents: [ConsentRecord]
    public let textsWanted: Bool
    /// What is left before the first visit; only for the patient themselves.
    public let checklist: FirstVisitChecklist?

    /// The clinic's practitioners, for booking from the chart; empty for those who may not book.
    public let practitioners: [PractitionerRecord]
    /// The regimen a new course starts from: the trial the current plan follows, GERAC otherwise.
    public let plannedRegimen: Regimen.Origin
}

extension PatientService {
    /// A patient's chart: one access check per part, one audit event for the whole read, and no
    /// part read twice.
    public func chart(id: UUID, by actor: Actor, from address: String?) async throws -> PatientChart {
        let withClinical = { (clinicID: UUID) in
            AccessPolicy.decide(actor, .readPatientClinical, .patient(clinicID: clinicID, patientID: id)).isAllowed
        }
        // Whether the assessments are read depends on the clinic, known only from the row; the
        // actor's own clinic is the only one a read can be allowed for.
        guard let rows = try await store.chartRows(patientID: id, withConsultations: withClinical(actor.clinicID)) else {
            try AccessPolicy.require(actor, .readPatientContact, .patient(clinicID: actor.clinicID, patientID: id))
            throw NotFound(detail: "No such patient")
        }
        let patient = rows.patient
        let target = AccessTarget.patient(clinicID: patient.clinicID, patientID: patient.id)
        try AccessPolicy.require(actor, .readPatientContact, target)
        let seesClinical = withClinical(patient.clinicID)
        let seesSessions = seesClinical || AccessPolicy.decide(actor, .recordCheckIn, target).isAllowed
        let mayBook = AccessPolicy.decide(actor, .listPatients, .clinic(patient.clinicID)).isAllowed
        let directory = try await services.clinicStore.directory(clinicID: patient.clinicID)
        let zone = directory.settings.zone
        let now = services.now()

        let redFlags = seesClinical ? try await services.consultationStore.redFlags(patientID: patient.id) : nil
        let currentPlan = seesClinical || mayBook ? try await services.sessionStore.currentPlan(patientID: patient.id) : nil
        let courses = seesClinical ? try await services.outcomeStore.treatmentProgress(patientID: patient.id) : []
        let outcomeSettings = courses.isEmpty ? OutcomeSettings.standard : try await services.outcomeStore.settings(clinicID: patient.clinicID)
        let sessions = seesSessions ? try await services.sessionStore.sessions(of: patient, directory: directory, limit: 20) : []
        let checkIns = try await services.sessionStore.checkIns(sessionIDs: sessions.map(\.id))
        let visits = try await services.bookingStore.visits(
            of: patient, from: now.addingTimeInterval(-90 * 86_400), to: now.addingTimeInterval(365 * 86_400), directory: directory)
        let consentText = try await services.consentStore.current(clinicID: patient.clinicID)
        let consents = try await store.consents(patientID: patient.id)

        try await services.record(
            .patientRead, by: actor, clinicID: patient.clinicID, patientID: patient.id, recordType: seesClinical ? .patientClinical : .patient,
            recordID: patient.id.uuidString, from: address)
        return PatientChart(
            patient: patient, zone: zone, clinical: seesClinical ? (rows.risks, rows.assessments) : nil,
            consultations: seesClinical ? rows.consultations : [], redFlags: redFlags, currentPlan: seesClinical ? currentPlan : nil,
            courses: courses, outcomeSettings: outcomeSettings, sessions: sessions, checkIns: checkIns, visits: visits,
            consentText: consentText, consents: consents, textsWanted: rows.textsWanted,
            checklist: actor.patientID == patient.id
                ? FirstVisitChecklist(intakeDone: rows.intakeDone, consentDone: consents.contains { $0.version == consentText.version })
                : nil,
            practitioners: mayBook ? directory.practitioners : [],
            plannedRegimen: currentPlan?.plan.protocols.compactMap { Regimen.Origin(rawValue: $0.rawValue) }.first ?? .gerac)
    }
}
