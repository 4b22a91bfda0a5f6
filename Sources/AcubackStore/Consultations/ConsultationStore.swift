import AcubackCore
import FluentKit
import FluentSQL
import Foundation
import SQLKit

/// Assessments, red-flag screens and decisions of a patient.
public struct ConsultationStore: Sendable {
    let store: AcubackDatabase

    public init(_ store: AcubackDatabase) {
        self.store = store
    }

    /// Keeps a new assessment (never overwriting one), makes its risk factors the patient's
    /// current intake, and keeps its red-flag screen; with its audit event, in one transaction.
    /// A booked consultation of the patient with this practitioner within `attending` (the
    /// clinic's day) is marked attended in the same transaction.
    public func record(
        _ consultation: Consultation, patientID: UUID, clinicID: UUID, practitionerID: UUID, by userID: UUID, at now: Date,
        attending day: Range<Date>? = nil, audit: AuditEntry
    ) async throws -> ConsultationRecord {
        var errors = FieldErrorCollector()
        consultation.assessment.patient.checkPregnancyDate(today: CalendarDay(now, in: .gmt), into: &errors)
        try errors.throwIfAny()
        let id = UUID()
        try await store.audited(audit, at: now) { db in
            guard let patient = try await PatientModel.find(patientID, on: db) else { throw StoreError.missingRecord("patient") }
            var assessment = consultation.assessment
            assessment.patient = assessment.patient.recordingPregnancy(on: CalendarDay(now, in: .gmt), previous: patient.riskFactors)
            patient.riskFactors = assessment.patient
            try await patient.save(on: db)
            let model = AssessmentModel(
                patientID: patientID, practitionerID: practitionerID, recordedAt: now, assessment: assessment,
                complaint: consultation.complaint.trimmingCharacters(in: .whitespacesAndNewlines))
            model.id = id
            model.durationWeeks = consultation.durationWeeks
            model.redFlags = ListColumn.encode(consultation.redFlags)
            model.examinationJSON = try JSONColumn.encode(consultation.examination)
            model.risksJSON = try JSONColumn.encode(assessment.patient)
            model.recordedBy = userID
            try await model.create(on: db)
            try await Self.screen(
                consultation.redFlags, source: .assessment, sourceID: id, patientID: patientID, clinicID: clinicID, by: userID, at: now, on: db)
            if let day {
                let booked = try await AppointmentModel.query(on: db).filter(\.$patient.$id == patientID).filter(\.$practitioner.$id == practitionerID)
                    .filter(\.$kind == .consultation).filter(\.$status ~~ [AppointmentStatus.booked, .arrived])
                    .filter(\.$startsAt >= day.lowerBound).filter(\.$startsAt < day.upperBound).all()
                for appointment in booked {
                    appointment.status = .completed
                    try await appointment.save(on: db)
                }
            }
            return ((), id.uuidString)
        }
        return ConsultationRecord(
            id: id, patientID: patientID, practitionerID: practitionerID, recordedAt: now, consultation: consultation, isComplete: true)
    }

    /// Every assessment of the patient, newest first.
    public func consultations(patientID: UUID) async throws -> [ConsultationRecord] {
        let db = try store.reader
        guard let patient = try await PatientModel.find(patientID, on: db) else { return [] }
        let current = patient.riskFactors
        return try await AssessmentModel.query(on: db).filter(\.$patient.$id == patientID)
            .sort(\.$recordedAt, .descending).sort(\.$id).all()
            .map { try $0.consultationRecord(currentRisks: current) }
    }

    static func screen(
        _ flags: [RedFlag], source: RedFlagScreenSource, sourceID: UUID?, patientID: UUID, clinicID: UUID, by userID: UUID?, at now: Date,
        on db: any Database
    ) async throws {
        let model = RedFlagScreenModel()
        model.clinicID = clinicID
        model.$patient.id = patientID
        model.flags = ListColumn.encode(flags)
        model.source = source
        model.sourceID = sourceID
        model.screenedAt = now
        model.screenedBy = userID
        try await model.create(on: db)
    }

    /// Keeps a clinician's decision on the patient's red flags, with its audit event.
    public func decide(
        _ decision: RedFlagDecision, patientID: UUID, clinicID: UUID, by userID: UUID, name: String, audit: AuditEntry
    ) async throws -> RedFlagDecisionRecord {
        let id = UUID()
        try await store.audited(audit, at: decision.decidedAt) { db in
            let model = RedFlagDecisionModel()
            model.id = id
            model.clinicID = clinicID
            model.$patient.id = patientID
            model.outcome = decision.outcome
            model.reason = decision.reason.trimmingCharacters(in: .whitespacesAndNewlines)
            model.referredTo = decision.referredTo.flatMap { $0.isEmpty ? nil : $0 }
            model.decidedBy = userID
            model.decidedByName = name
            model.decidedAt = decision.decidedAt
            try await model.create(on: db)
            return ((), id.uuidString)
        }
        return RedFlagDecisionRecord(id: id, decision: decision, decidedBy: userID, decidedByName: name)
    }

    /// The patient's screens and decisions, oldest first.
    public func redFlags(patientID: UUID) async throws -> RedFlagHistory {
        let sql = try store.readSQL
        let screens = try await sql.raw("SELECT * FROM red_flag_screens WHERE patient_id = \(bind: patientID) ORDER BY screened_at").all()
            .map { try $0.decode(fluentModel: RedFlagScreenModel.self) }
            .map { RedFlagScreenRecord(
                id: $0.id!, source: $0.source, sourceID: $0.sourceID,
                screen: RedFlagScreen(flags: ListColumn.decode($0.flags), screenedAt: $0.screenedAt)) }
        let decisions = try await sql.raw("SELECT * FROM red_flag_decisions WHERE patient_id = \(bind: patientID) ORDER BY decided_at").all()
            .map { try $0.decode(fluentModel: RedFlagDecisionModel.self) }
            .map { RedFlagDecisionRecord(
                id: $0.id!, decision: RedFlagDecision(outcome: $0.outcome, reason: $0.reason, referredTo: $0.referredTo, decidedAt: $0.decidedAt),
                decidedBy: $0.decidedBy, decidedByName: $0.decidedByName) }
        return RedFlagHistory(screens: screens, decisions: decisions)
    }
}

/// Small structured values kept as JSON in one text column, the same on SQLite and PostgreSQL.
enum JSONColumn {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}

extension AssessmentModel {
    func consultationRecord(currentRisks: RiskFactors) throws -> ConsultationRecord {
        let risks = try risksJSON.map { try JSONColumn.decode(RiskFactors.self, $0) } ?? currentRisks
        return ConsultationRecord(
            id: try requireID(), patientID: $patient.id, practitionerID: $practitioner.id, recordedAt: recordedAt,
            consultation: Consultation(
                complaint: complaint, assessment: assessment(risks: risks), durationWeeks: durationWeeks,
                redFlags: redFlags.map { ListColumn.decode($0) } ?? [],
                examination: try examinationJSON.map { try JSONColumn.decode(Examination.self, $0) } ?? .none),
            isComplete: risksJSON != nil)
    }
}
