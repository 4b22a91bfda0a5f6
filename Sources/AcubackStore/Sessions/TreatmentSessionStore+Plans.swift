import AcubackCore
import FluentKit
import FluentSQL
import Foundation
import SQLKit

extension TreatmentSessionStore {
    /// Keeps `plan` as the patient's current plan; earlier plans stay for the sessions that used them.
    public func savePlan(
        _ plan: TreatmentPlan, patientID: UUID, practitionerID: UUID, at now: Date, audit: AuditEntry? = nil
    ) async throws -> SavedPlan {
        let keys = try await store.keys(for: audit)
        let model = try await store.fluent.transaction { db in
            let model = TreatmentPlanModel(
                patientID: patientID, practitionerID: practitionerID, plan: plan, digest: try await PlanDocuments.store(plan, on: db), at: now)
            try await model.create(on: db)
            try await audit?.append(recordID: model.id?.uuidString, keys: keys, at: now, on: db)
            return model
        }
        return SavedPlan(id: try model.requireID(), patientID: patientID, practitionerID: practitionerID, createdAt: now, plan: plan)
    }

    /// The newest plan saved for the patient.
    public func currentPlan(patientID: UUID) async throws -> SavedPlan? {
        guard let model = try await store.readSQL.raw("""
            SELECT * FROM treatment_plans WHERE patient_id = \(bind: patientID) ORDER BY created_at DESC LIMIT 1
            """).first().map({ try $0.decode(fluentModel: TreatmentPlanModel.self) })
        else { return nil }
        return try await saved(model)
    }

    /// A plan by its id, such as the one a course was made from.
    public func plan(id: UUID) async throws -> SavedPlan? {
        guard let model = try await TreatmentPlanModel.find(id, on: store.reader) else { return nil }
        return try await saved(model)
    }

    private func saved(_ model: TreatmentPlanModel) async throws -> SavedPlan {
        SavedPlan(
            id: try model.requireID(), patientID: model.$patient.id, practitionerID: model.$practitioner.id, createdAt: model.createdAt,
            plan: try await PlanDocuments.plan(model.planDigest, on: store.reader))
    }
}
