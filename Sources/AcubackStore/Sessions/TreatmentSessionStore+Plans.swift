import AcubackCore
import FluentKit
import Foundation

extension TreatmentSessionStore {
    /// Keeps `plan` as the patient's current plan; earlier plans stay for the sessions that used them.
    public func savePlan(_ plan: TreatmentPlan, patientID: UUID, practitionerID: UUID, at now: Date) async throws -> SavedPlan {
        let model = try TreatmentPlanModel(patientID: patientID, practitionerID: practitionerID, plan: plan, at: now)
        try await model.create(on: store.fluent)
        return SavedPlan(id: try model.requireID(), patientID: patientID, practitionerID: practitionerID, createdAt: now, plan: plan)
    }

    /// The newest plan saved for the patient.
    public func currentPlan(patientID: UUID) async throws -> SavedPlan? {
        guard let model = try await TreatmentPlanModel.query(on: store.fluent).filter(\.$patient.$id == patientID)
            .sort(\.$createdAt, .descending).first()
        else { return nil }
        return SavedPlan(
            id: try model.requireID(), patientID: patientID, practitionerID: model.$practitioner.id, createdAt: model.createdAt,
            plan: try SessionCoding.decode(TreatmentPlan.self, from: model.planJSON))
    }
}
