import AcubackCore
import FluentKit
import Foundation
import SQLKit
import Synchronization

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

    /// The plans with these digests, each decoded once however many sessions share it, and read
    /// from memory when decoded before.
    static func plans(_ digests: some Sequence<String>, on db: any Database) async throws -> [String: TreatmentPlan] {
        let wanted = Set(digests)
        guard !wanted.isEmpty else { return [:] }
        var plans = decoded.plans(wanted)
        let unread = wanted.filter { plans[$0] == nil }
        if !unread.isEmpty {
            let rows = try await (db as! any SQLDatabase).select().columns("digest", "plan_json").from(PlanDocumentModel.schema)
                .where("digest", .in, Array(unread)).all()
            for row in rows {
                let digest = try row.decode(column: "digest", as: String.self)
                plans[digest] = try SessionCoding.decode(TreatmentPlan.self, from: try row.decode(column: "plan_json", as: String.self))
            }
            decoded.keep(plans.filter { unread.contains($0.key) })
        }
        if let missing = wanted.first(where: { plans[$0] == nil }) { throw StoreError.missingPlanDocument(digest: missing) }
        return plans
    }

    /// Decoded plans by digest. A digest names its text, and a stored plan never changes, so an
    /// entry can never be out of date, whichever database or process stored it.
    static let decoded = DecodedPlans()

    static func plan(_ digest: String, on db: any Database) async throws -> TreatmentPlan {
        try await plans([digest], on: db)[digest]!
    }
}

/// The plans decoded lately, at most `limit` of them: a chart page shows a patient's courses and
/// sessions, and decoding their plans' JSON on every page cost more than reading it.
final class DecodedPlans: Sendable {
    static let limit = 500
    private let byDigest = Mutex<[String: TreatmentPlan]>([:])

    func plans(_ digests: Set<String>) -> [String: TreatmentPlan] {
        byDigest.withLock { known in
            var found: [String: TreatmentPlan] = [:]
            for digest in digests { found[digest] = known[digest] }
            return found
        }
    }

    func keep(_ plans: [String: TreatmentPlan]) {
        byDigest.withLock { known in
            // Forgetting all at the limit keeps this simple; the plans in use are decoded again once.
            if known.count + plans.count > Self.limit { known.removeAll() }
            known.merge(plans) { _, new in new }
        }
    }
}
