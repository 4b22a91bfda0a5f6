import AcubackCore
import FluentSQL
import Foundation
import SQLKit

/// What a patient's chart keeps on the patient's own rows: contact details, risk factors, the
/// text-message wish, whether the intake is done, and the consultations recorded, newest first.
public struct PatientChartRows: Sendable {
    public let patient: PatientRecord
    public let risks: RiskFactors
    public let textsWanted: Bool
    public let intakeDone: Bool
    public let consultations: [ConsultationRecord]
    /// The same consultations' assessments, as the plan engine reads them (today's risk factors).
    public let assessments: [AssessmentRecord]
}

extension PatientStore {
    /// The chart's own rows in two plain-SQL reads on one reader connection. The chart page read
    /// the patient six times and the assessments five before, once per section that needed them.
    /// - Parameter withConsultations: false leaves the assessments unread (for those who may not see them).
    public func chartRows(patientID: UUID, withConsultations: Bool) async throws -> PatientChartRows? {
        let sql = try store.readSQL
        guard let patient = try await sql.raw("SELECT * FROM patients WHERE id = \(bind: patientID)").first()
            .map({ try $0.decode(fluentModel: PatientModel.self) })
        else { return nil }
        let risks = patient.riskFactors
        let models = withConsultations
            ? try await sql.raw("SELECT * FROM assessments WHERE patient_id = \(bind: patientID) ORDER BY recorded_at DESC, id").all()
                .map { try $0.decode(fluentModel: AssessmentModel.self) }
            : []
        return PatientChartRows(
            patient: patient.record, risks: risks, textsWanted: patient.textReminders ?? false, intakeDone: patient.intakeCompletedAt != nil,
            consultations: try models.map { try $0.consultationRecord(currentRisks: risks) },
            assessments: models.map {
                AssessmentRecord(id: $0.id!, recordedAt: $0.recordedAt, assessment: $0.assessment(risks: risks), complaint: $0.complaint)
            })
    }
}
