import FluentKit
import Foundation
import SQLKit

/// Every booked appointment holds its times for its patient as it does for its practitioner and
/// room, so the unique index on slot claims refuses one patient in two places at once; and each
/// clinic says how many first consultations a patient may have booked ahead.
struct HoldPatientSlots: AsyncMigration {
    var name: String { "017_hold_patient_slots" }

    func prepare(on database: any Database) async throws {
        try await database.schema(ClinicSettingsModel.schema)
            .field("open_first_consultations", .int, .required, .sql(.default(1))).update()
        let sql = database as! any SQLDatabase
        let rows = try await sql.raw("""
            SELECT s.appointment_id, s.slot_start, a.patient_id FROM appointment_slots s
            JOIN appointments a ON a.id = s.appointment_id AND s.resource_id = a.practitioner_id
            """).all()
        for row in rows {
            // An overlap booked before the rule keeps the first claim; the later booking stays as it was.
            try await sql.insert(into: "appointment_slots")
                .columns("id", "appointment_id", "resource_id", "slot_start")
                .values(
                    SQLBind(UUID()), SQLBind(try row.decode(column: "appointment_id", as: UUID.self)),
                    SQLBind(try row.decode(column: "patient_id", as: UUID.self)), SQLBind(try row.decode(column: "slot_start", as: Date.self)))
                .ignoringConflicts()
                .run()
        }
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("""
            DELETE FROM appointment_slots
            WHERE resource_id = (SELECT patient_id FROM appointments WHERE appointments.id = appointment_slots.appointment_id)
            """).run()
        try await database.schema(ClinicSettingsModel.schema).deleteField("open_first_consultations").update()
    }
}
