import FluentKit
import Foundation
import SQLKit

/// Plans move out of `treatment_plans` and `treatment_sessions` into `plan_documents`, one row per
/// distinct plan, which the plans and sessions name by digest. A course's ten sessions used to
/// carry ten copies of the same ten kilobytes; at a million sessions that was ten gigabytes.
struct StorePlansOnce: AsyncMigration {
    var name: String { "012_store_plans_once" }

    static let tables = [TreatmentPlanModel.schema, TreatmentSessionModel.schema]

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await database.schema(PlanDocumentModel.schema)
            .field("digest", .string, .identifier(auto: false))
            .field("plan_json", .string, .required)
            .create()
        for table in Self.tables {
            try await sql.raw("ALTER TABLE \(ident: table) ADD COLUMN plan_digest TEXT NOT NULL DEFAULT ''").run()
            for row in try await sql.raw("SELECT id, plan_json FROM \(ident: table)").all() {
                let digest = try await PlanDocuments.store(json: try row.decode(column: "plan_json", as: String.self), on: database)
                try await sql.update(table).set("plan_digest", to: digest).where("id", .equal, try row.decode(column: "id", as: UUID.self)).run()
            }
            try await sql.raw("ALTER TABLE \(ident: table) DROP COLUMN plan_json").run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for table in Self.tables {
            try await sql.raw("ALTER TABLE \(ident: table) ADD COLUMN plan_json TEXT").run()
            try await sql.raw("""
                UPDATE \(ident: table) SET plan_json = (SELECT d.plan_json FROM plan_documents d WHERE d.digest = \(ident: table).plan_digest)
                """).run()
            try await sql.raw("ALTER TABLE \(ident: table) DROP COLUMN plan_digest").run()
        }
        try await database.schema(PlanDocumentModel.schema).delete()
    }
}
