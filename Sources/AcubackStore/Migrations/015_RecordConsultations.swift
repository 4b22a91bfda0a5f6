import FluentKit
import SQLKit

/// The first consultation as a clinic records it: assessments keep their duration, red-flag screen,
/// examination and the risk factors they were planned with; red-flag screens and the decisions on
/// them; versioned consent texts and how each consent was given; session notes with amendments.
struct RecordConsultations: AsyncMigration {
    var name: String { "015_record_consultations" }

    static let assessmentColumns: [(String, DatabaseSchema.DataType)] = [
        ("duration_weeks", .int), ("red_flags", .string), ("examination_json", .string), ("risks_json", .string), ("recorded_by_user_id", .uuid),
    ]
    static let consentColumns = ["method", "signed_name", "reason"]

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds a single column per ALTER TABLE.
        for (column, type) in Self.assessmentColumns {
            try await database.schema(AssessmentModel.schema).field(.string(column), type).update()
        }
        try await database.schema(RedFlagScreenModel.schema)
            .id()
            .field("clinic_id", .uuid, .required)
            .field("patient_id", .uuid, .required, .references(PatientModel.schema, .id, onDelete: .cascade))
            .field("flags", .string, .required)
            .field("source", .string, .required)
            .field("source_id", .uuid)
            .field("screened_at", .datetime, .required)
            .field("screened_by_user_id", .uuid)
            .create()
        try await database.schema(RedFlagDecisionModel.schema)
            .id()
            .field("clinic_id", .uuid, .required)
            .field("patient_id", .uuid, .required, .references(PatientModel.schema, .id, onDelete: .cascade))
            .field("outcome", .string, .required)
            .field("reason", .string, .required)
            .field("referred_to", .string)
            .field("decided_by_user_id", .uuid, .required)
            .field("decided_by_name", .string, .required)
            .field("decided_at", .datetime, .required)
            .create()
        try await database.schema(ConsentTextModel.schema)
            .id()
            .field("clinic_id", .uuid, .required)
            .field("version", .string, .required)
            .field("text", .string, .required)
            .field("published_at", .datetime, .required)
            .field("published_by_user_id", .uuid)
            .unique(on: "clinic_id", "version")
            .create()
        for column in Self.consentColumns {
            try await database.schema(ConsentModel.schema).field(.string(column), .string).update()
        }
        try await database.schema(SessionNoteModel.schema)
            .id()
            .field("session_id", .uuid, .required, .references(TreatmentSessionModel.schema, .id, onDelete: .cascade))
            .field("written_at", .datetime, .required)
            .field("written_by_user_id", .uuid, .required)
            .field("written_by_name", .string, .required)
            .field("amendment", .bool, .required)
            .field("subjective", .string, .required)
            .field("objective", .string, .required)
            .field("assessment", .string, .required)
            .field("plan", .string, .required)
            .field("tongue", .string, .required)
            .field("pulse", .string, .required)
            .field("pattern", .string, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX idx_red_flag_screens_patient ON red_flag_screens (patient_id, screened_at)").run()
        try await sql.raw("CREATE INDEX idx_red_flag_decisions_patient ON red_flag_decisions (patient_id, decided_at)").run()
        try await sql.raw("CREATE INDEX idx_session_notes_session ON session_notes (session_id, written_at)").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for index in ["idx_session_notes_session", "idx_red_flag_decisions_patient", "idx_red_flag_screens_patient"] {
            try await sql.raw("DROP INDEX \(ident: index)").run()
        }
        try await database.schema(SessionNoteModel.schema).delete()
        for column in Self.consentColumns.reversed() {
            try await database.schema(ConsentModel.schema).deleteField(.string(column)).update()
        }
        try await database.schema(ConsentTextModel.schema).delete()
        try await database.schema(RedFlagDecisionModel.schema).delete()
        try await database.schema(RedFlagScreenModel.schema).delete()
        for (column, _) in Self.assessmentColumns.reversed() {
            try await database.schema(AssessmentModel.schema).deleteField(.string(column)).update()
        }
    }
}
