import FluentKit
import SQLKit

/// Saved plans, treatment sessions with their needle ledger, incidents and check-ins.
struct CreateTreatmentSessions: AsyncMigration {
    var name: String { "010_create_treatment_sessions" }

    func prepare(on database: any Database) async throws {
        try await database.schema(TreatmentPlanModel.schema)
            .id()
            .field("patient_id", .uuid, .required, .references(PatientModel.schema, .id, onDelete: .cascade))
            .field("practitioner_id", .uuid, .required, .references(PractitionerModel.schema, .id))
            .field("created_at", .datetime, .required)
            .field("needle_count", .int, .required)
            .field("plan_json", .string, .required)
            .create()
        try await database.schema(TreatmentSessionModel.schema)
            .id()
            .field("clinic_id", .uuid, .required)
            .field("patient_id", .uuid, .required, .references(PatientModel.schema, .id, onDelete: .cascade))
            .field("practitioner_id", .uuid, .required, .references(PractitionerModel.schema, .id))
            .field("appointment_id", .uuid, .required, .references(AppointmentModel.schema, .id))
            .field("plan_id", .uuid, .required, .references(TreatmentPlanModel.schema, .id))
            .field("plan_json", .string, .required)
            .field("position", .string, .required)
            .field("pain_before", .int, .required)
            .field("target_minutes", .int, .required)
            .field("started_at", .datetime, .required)
            .field("timer_started_at", .datetime)
            .field("closed_at", .datetime)
            .field("pain_after", .int)
            .field("reactions", .string, .required)
            .field("advice_given", .bool, .required)
            .field("removal_reason", .string)
            // One session per appointment: a second tap on "start" finds the first.
            .unique(on: "appointment_id")
            .create()
        try await database.schema(NeedleEventModel.schema)
            .id()
            .field("session_id", .uuid, .required, .references(TreatmentSessionModel.schema, .id, onDelete: .cascade))
            .field("sequence", .int, .required)
            .field("at", .datetime, .required)
            .field("kind", .string, .required)
            .field("recorded_by_user_id", .uuid, .required)
            .field("event_json", .string, .required)
            .unique(on: "session_id", "sequence")
            .create()
        try await database.schema(IncidentModel.schema)
            .id()
            .field("clinic_id", .uuid, .required)
            .field("patient_id", .uuid, .required, .references(PatientModel.schema, .id, onDelete: .cascade))
            .field("session_id", .uuid, .required, .references(TreatmentSessionModel.schema, .id, onDelete: .cascade))
            .field("kind", .string, .required)
            .field("detail", .string, .required)
            .field("occurred_at", .datetime, .required)
            .field("reported_by_user_id", .uuid, .required)
            .create()
        try await database.schema(CheckInModel.schema)
            .id()
            .field("session_id", .uuid, .required, .references(TreatmentSessionModel.schema, .id, onDelete: .cascade))
            .field("entered_at", .datetime, .required)
            .field("entered_by_user_id", .uuid, .required)
            .field("entered_by_role", .string, .required)
            .field("soreness", .int, .required)
            .field("soreness_hours_after", .int)
            .field("tiredness", .bool, .required)
            .field("needed_sleep", .bool, .required)
            .field("bruising", .bool, .required)
            .field("breathlessness", .bool, .required)
            .field("other", .string, .required)
            .field("marked_serious", .bool, .required)
            .field("serious", .bool, .required)
            .unique(on: "session_id")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX idx_treatment_plans_patient_created ON treatment_plans (patient_id, created_at)").run()
        try await sql.raw("CREATE INDEX idx_treatment_sessions_practitioner_closed ON treatment_sessions (practitioner_id, closed_at)").run()
        try await sql.raw("CREATE INDEX idx_treatment_sessions_patient_started ON treatment_sessions (patient_id, started_at)").run()
        try await sql.raw("CREATE INDEX idx_incidents_clinic_occurred ON incidents (clinic_id, occurred_at)").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for index in ["idx_treatment_plans_patient_created", "idx_treatment_sessions_practitioner_closed",
                      "idx_treatment_sessions_patient_started", "idx_incidents_clinic_occurred"] {
            try await sql.raw("DROP INDEX \(unsafeRaw: index)").run()
        }
        for schema in [CheckInModel.schema, IncidentModel.schema, NeedleEventModel.schema, TreatmentSessionModel.schema, TreatmentPlanModel.schema] {
            try await database.schema(schema).delete()
        }
    }
}
