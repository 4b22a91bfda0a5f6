import AcubackCore
import FluentKit
import Foundation
import SQLKit

/// A plan's JSON, stored once under the SHA-256 of its text. Plans never change once saved, so a
/// session's copy of its plan and the plan itself are the same row, and ten sessions of a course
/// hold one plan between them instead of ten copies of some ten kilobytes each.
final class PlanDocumentModel: Model, @unchecked Sendable {
    static let schema = "plan_documents"

    @ID(custom: "digest", generatedBy: .user) var id: String?
    @Field(key: "plan_json") var planJSON: String

    init() {}
}

enum PlanDocuments {
    /// Stores `plan` unless the same plan is stored already, and returns its digest.
    static func store(_ plan: TreatmentPlan, on db: any Database) async throws -> String {
        try await store(json: try SessionCoding.encode(plan), on: db)
    }

    static func store(json: String, on db: any Database) async throws -> String {
        let digest = json.sha256Hex
        try await (db as! any SQLDatabase).insert(into: PlanDocumentModel.schema)
            .columns("digest", "plan_json").values(SQLBind(digest), SQLBind(json))
            .ignoringConflicts(with: "digest").run()
        return digest
    }

    /// The plans with these digests, each decoded once however many sessions share it.
    static func plans(_ digests: some Sequence<String>, on db: any Database) async throws -> [String: TreatmentPlan] {
        let wanted = Set(digests)
        guard !wanted.isEmpty else { return [:] }
        var plans: [String: TreatmentPlan] = [:]
        for document in try await PlanDocumentModel.query(on: db).filter(\.$id ~~ wanted).all() {
            plans[try document.requireID()] = try SessionCoding.decode(TreatmentPlan.self, from: document.planJSON)
        }
        if let missing = wanted.first(where: { plans[$0] == nil }) { throw StoreError.missingPlanDocument(digest: missing) }
        return plans
    }

    static func plan(_ digest: String, on db: any Database) async throws -> TreatmentPlan {
        try await plans([digest], on: db)[digest]!
    }
}
