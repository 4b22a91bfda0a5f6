import FluentKit

struct CreateAppointments: AsyncMigration {
    var name: String { "005_create_appointments" }

    func prepare(on database: any Database) async throws {
        try await database.schema(AppointmentModel.schema)
            .id()
            .field("clinic_id", .uuid, .required, .references(ClinicModel.schema, .id, onDelete: .cascade))
            .field("patient_id", .uuid, .required, .references(PatientModel.schema, .id, onDelete: .cascade))
            .field("practitioner_id", .uuid, .required, .references(PractitionerModel.schema, .id))
            .field("room_id", .uuid, .references(RoomModel.schema, .id, onDelete: .setNull))
            .field("kind", .string, .required)
            .field("status", .string, .required)
            .field("starts_at", .datetime, .required)
            .field("minutes", .int, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema("appointment_slots")
            .id()
            .field("appointment_id", .uuid, .required, .references(AppointmentModel.schema, .id, onDelete: .cascade))
            .field("resource_id", .uuid, .required)
            .field("slot_start", .datetime, .required)
            .unique(on: "resource_id", "slot_start", name: "uq_appointment_slots_resource_start")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("appointment_slots").delete()
        try await database.schema(AppointmentModel.schema).delete()
    }
}
