import FluentKit
import SQLKit

/// Courses keep the pain scores of their baseline and latest measures, and each patient's session
/// and after-effect counts are kept in `patient_tallies`, so the analytics dashboard reads one row
/// per course and one per patient: on a million sessions it took four seconds before.
struct KeepAnalyticsCounts: AsyncMigration {
    var name: String { "014_keep_analytics_counts" }

    static let coursePains = [
        ("baseline_pain_week", "baseline_measure_id", "pain_average_week"), ("baseline_pain_now", "baseline_measure_id", "pain_now"),
        ("latest_pain_week", "latest_measure_id", "pain_average_week"), ("latest_pain_now", "latest_measure_id", "pain_now"),
    ]

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for (column, measure, pain) in Self.coursePains {
            try await database.schema(CourseModel.schema).field(.string(column), .int).update()
            try await sql.raw("""
                UPDATE courses SET \(ident: column) = (SELECT m.\(ident: pain) FROM outcome_measures m WHERE m.id = courses.\(ident: measure))
                """).run()
        }
        try await database.schema(PatientTallies.table)
            .field("patient_id", .uuid, .identifier(auto: false), .references(PatientModel.schema, .id, onDelete: .cascade))
            .field("clinic_id", .uuid, .required)
            .field("closed_sessions", .int, .required)
            .field("soreness", .int, .required)
            .field("tiredness", .int, .required)
            .field("needed_sleep", .int, .required)
            .field("bruising", .int, .required)
            .field("breathlessness", .int, .required)
            .field("other", .int, .required)
            .create()
        try await sql.raw("CREATE INDEX idx_patient_tallies_clinic ON patient_tallies (clinic_id)").run()
        try await PatientTallies.rebuild(clinicID: nil, on: sql)
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("DROP INDEX idx_patient_tallies_clinic").run()
        try await database.schema(PatientTallies.table).delete()
        for (column, _, _) in Self.coursePains {
            try await database.schema(CourseModel.schema).deleteField(.string(column)).update()
        }
    }
}
