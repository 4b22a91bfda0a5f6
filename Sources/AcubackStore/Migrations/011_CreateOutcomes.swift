import FluentKit
import SQLKit

/// Courses made from a plan with a regimen, the measures taken along a course, course reviews,
/// and each clinic's outcome settings.
struct CreateOutcomes: AsyncMigration {
    var name: String { "011_create_outcomes" }

    func prepare(on database: any Database) async throws {
        // SQLite adds one column per ALTER TABLE.
        for (field, type) in Self.courseFields {
            try await database.schema(CourseModel.schema).field(.string(field), type).update()
        }
        try await database.schema(OutcomeMeasureModel.schema)
            .id()
            .field("clinic_id", .uuid, .required)
            .field("patient_id", .uuid, .required, .references(PatientModel.schema, .id, onDelete: .cascade))
            .field("course_id", .uuid, .required, .references(CourseModel.schema, .id, onDelete: .cascade))
            .field("session_id", .uuid, .references(TreatmentSessionModel.schema, .id, onDelete: .cascade))
            .field("timepoint", .string, .required)
            .field("taken_at", .datetime, .required)
            .field("recorded_by_user_id", .uuid, .required)
            .field("pain_now", .int)
            .field("pain_average_week", .int)
            .field("pain_worst", .int)
            .field("function_json", .string)
            .field("function_score", .double)
            .field("fingertip_floor_cm", .double)
            .field("schober_cm", .double)
            .field("swelling_grade", .int)
            .field("roland_morris", .int)
            .field("oswestry", .int)
            .create()
        try await database.schema(CourseReviewModel.schema)
            .id()
            .field("clinic_id", .uuid, .required)
            .field("course_id", .uuid, .required, .references(CourseModel.schema, .id, onDelete: .cascade))
            .field("after_session", .int, .required)
            .field("is_final", .bool, .required)
            .field("baseline_measure_id", .uuid, .required, .references(OutcomeMeasureModel.schema, .id))
            .field("measure_id", .uuid, .required, .references(OutcomeMeasureModel.schema, .id))
            .field("scale", .string, .required)
            .field("baseline_pain", .int, .required)
            .field("current_pain", .int, .required)
            .field("category", .string, .required)
            .field("recommendation", .string, .required)
            .field("note", .string, .required)
            .field("reviewed_by_user_id", .uuid, .required)
            .field("reviewed_at", .datetime, .required)
            .create()
        try await database.schema(OutcomeSettingsModel.schema)
            .id()
            .field("important_percent", .double, .required)
            .field("important_points", .double, .required)
            .field("instruments", .string, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX idx_outcome_measures_course_taken ON outcome_measures (course_id, taken_at)").run()
        try await sql.raw("CREATE INDEX idx_course_reviews_course ON course_reviews (course_id, reviewed_at)").run()
        try await sql.raw("CREATE INDEX idx_courses_clinic ON courses (clinic_id)").run()
        try await sql.raw("CREATE INDEX idx_appointments_course ON appointments (course_id)").run()
    }

    static let courseFields: [(String, DatabaseSchema.DataType)] = [
        ("plan_id", .uuid), ("regimen_json", .string), ("region", .string), ("protocol", .string),
        ("extends_course_id", .uuid), ("baseline_measure_id", .uuid), ("latest_measure_id", .uuid),
    ]

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for index in ["idx_outcome_measures_course_taken", "idx_course_reviews_course", "idx_courses_clinic", "idx_appointments_course"] {
            try await sql.raw("DROP INDEX \(unsafeRaw: index)").run()
        }
        for schema in [OutcomeSettingsModel.schema, CourseReviewModel.schema, OutcomeMeasureModel.schema] {
            try await database.schema(schema).delete()
        }
        for (field, _) in Self.courseFields.reversed() {
            try await database.schema(CourseModel.schema).deleteField(.string(field)).update()
        }
    }
}
