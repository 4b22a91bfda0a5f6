import FluentKit
import SQLKit

/// Clinic settings, practitioners' hours and leave, consent, calendar feeds, courses, and the
/// links from appointments to courses and from queued reminders to appointments.
struct CreateClinicOperations: AsyncMigration {
    var name: String { "009_create_clinic_operations" }

    func prepare(on database: any Database) async throws {
        try await database.schema(ClinicSettingsModel.schema)
            .id()
            .field("opening_hours", .string, .required)
            .field("consultation_minutes", .int, .required)
            .field("treatment_minutes", .int, .required)
            .field("review_minutes", .int, .required)
            .field("notice_hours", .int, .required)
            .field("consent_version", .string, .required)
            .create()
        try await database.schema(PractitionerModel.schema).field("weekly_hours", .string).update()
        try await database.schema(AvailabilityExceptionModel.schema)
            .id()
            .field("practitioner_id", .uuid, .required, .references(PractitionerModel.schema, .id, onDelete: .cascade))
            .field("first_day", .string, .required)
            .field("last_day", .string, .required)
            .field("reason", .string, .required)
            .create()
        try await database.schema(ConsentModel.schema)
            .id()
            .field("patient_id", .uuid, .required, .references(PatientModel.schema, .id, onDelete: .cascade))
            .field("version", .string, .required)
            .field("given_at", .datetime, .required)
            .field("recorded_by_user_id", .uuid)
            .create()
        try await database.schema(CalendarFeedModel.schema)
            .id()
            .field("owner_type", .string, .required)
            .field("owner_id", .uuid, .required)
            .field("token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "token_hash")
            .unique(on: "owner_type", "owner_id")
            .create()
        try await database.schema(CourseModel.schema)
            .id()
            .field("clinic_id", .uuid, .required)
            .field("patient_id", .uuid, .required, .references(PatientModel.schema, .id, onDelete: .cascade))
            .field("practitioner_id", .uuid, .required, .references(PractitionerModel.schema, .id))
            .field("sessions", .int, .required)
            .field("per_week", .int, .required)
            .field("kind", .string, .required)
            .field("status", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(AppointmentModel.schema).field("course_id", .uuid).update()
        try await database.schema(OutboxMessageModel.schema).field("related_id", .uuid).update()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX idx_appointments_practitioner_start ON appointments (practitioner_id, starts_at)").run()
        try await sql.raw("CREATE INDEX idx_appointments_patient_start ON appointments (patient_id, starts_at)").run()
        try await sql.raw("CREATE INDEX idx_appointments_clinic_start ON appointments (clinic_id, starts_at)").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for index in ["idx_appointments_practitioner_start", "idx_appointments_patient_start", "idx_appointments_clinic_start"] {
            try await sql.raw("DROP INDEX \(unsafeRaw: index)").run()
        }
        try await database.schema(OutboxMessageModel.schema).deleteField("related_id").update()
        try await database.schema(AppointmentModel.schema).deleteField("course_id").update()
        for schema in [CourseModel.schema, CalendarFeedModel.schema, ConsentModel.schema, AvailabilityExceptionModel.schema] {
            try await database.schema(schema).delete()
        }
        try await database.schema(PractitionerModel.schema).deleteField("weekly_hours").update()
        try await database.schema(ClinicSettingsModel.schema).delete()
    }
}
