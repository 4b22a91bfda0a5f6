import FluentKit
import Foundation
import SQLKit

/// A booking's claims move to `slot_units`, keyed by (resource, unit) with no row id of its own
/// (`WITHOUT ROWID` on SQLite): the key is the double-booking rule, and one multi-row insert claims
/// a whole appointment. A unit is a `SlotGrid` step counted from 1970. Each clinic also gets a
/// directory version, raised in the commit that changes its settings, rooms or practitioners, by
/// which the server's caches of those know they are current; and patients are indexed by the
/// account they belong to, which every request a patient makes looks up.
struct ClaimSlotUnits: AsyncMigration {
    var name: String { "024_claim_slot_units" }

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        let sqlite = sql.dialect.name == "sqlite"
        try await sql.raw("""
            CREATE TABLE slot_units (
                resource_id UUID NOT NULL,
                unit \(unsafeRaw: sqlite ? "INTEGER" : "BIGINT") NOT NULL,
                appointment_id UUID NOT NULL REFERENCES appointments (id) ON DELETE CASCADE,
                PRIMARY KEY (resource_id, unit)
            )\(unsafeRaw: sqlite ? " WITHOUT ROWID" : "")
            """).run()
        try await sql.raw("CREATE INDEX idx_slot_units_appointment ON slot_units (appointment_id)").run()
        // Who a patient's account acts as is looked up on every request they make.
        try await sql.raw("CREATE INDEX idx_patients_user ON patients (user_id)").run()
        let claims = try await sql.select().columns("resource_id", "slot_start", "appointment_id").from("appointment_slots").all()
        for chunk in stride(from: 0, to: claims.count, by: 300) {
            let insert = sql.insert(into: SlotUnits.table).columns("resource_id", "unit", "appointment_id")
            for row in claims[chunk..<min(chunk + 300, claims.count)] {
                insert.values(
                    SQLBind(try row.decode(column: "resource_id", as: UUID.self)),
                    SQLBind(SlotUnits.unit(of: try row.decode(column: "slot_start", as: Date.self))),
                    SQLBind(try row.decode(column: "appointment_id", as: UUID.self)))
            }
            try await insert.run()
        }
        try await database.schema("appointment_slots").delete()
        try await database.schema(ClinicModel.schema).field("directory_version", .int64, .required, .sql(.default(0))).update()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await database.schema(ClinicModel.schema).deleteField("directory_version").update()
        try await database.schema("appointment_slots")
            .id()
            .field("appointment_id", .uuid, .required, .references(AppointmentModel.schema, .id, onDelete: .cascade))
            .field("resource_id", .uuid, .required)
            .field("slot_start", .datetime, .required)
            .unique(on: "resource_id", "slot_start", name: "uq_appointment_slots_resource_start")
            .create()
        let claims = try await sql.select().columns("resource_id", "unit", "appointment_id").from(SlotUnits.table).all()
        for chunk in stride(from: 0, to: claims.count, by: 300) {
            let insert = sql.insert(into: "appointment_slots").columns("id", "appointment_id", "resource_id", "slot_start")
            for row in claims[chunk..<min(chunk + 300, claims.count)] {
                insert.values(
                    SQLBind(UUID()), SQLBind(try row.decode(column: "appointment_id", as: UUID.self)),
                    SQLBind(try row.decode(column: "resource_id", as: UUID.self)),
                    SQLBind(SlotUnits.start(of: try row.decode(column: "unit", as: Int64.self))))
            }
            try await insert.run()
        }
        try await sql.raw("DROP TABLE slot_units").run()
        try await sql.raw("DROP INDEX idx_patients_user").run()
    }
}
