import FluentKit
import SQLKit

/// Indexes for what a patient's page and the booking form read by patient or practitioner; at
/// 100,000 patients each of these was a scan of the whole table (or the clinic's whole diary)
/// on every page.
struct IndexPatientRecords: AsyncMigration {
    var name: String { "013_index_patient_records" }

    static let indexes = [
        ("idx_assessments_patient_recorded", "assessments (patient_id, recorded_at)"),
        // With clinic and patient both named, SQLite otherwise walks the clinic's whole diary.
        ("idx_appointments_clinic_patient_start", "appointments (clinic_id, patient_id, starts_at)"),
        ("idx_courses_patient_created", "courses (patient_id, created_at)"),
        ("idx_consents_patient_given", "consents (patient_id, given_at)"),
        ("idx_certificates_practitioner", "certificates (practitioner_id, valid_to)"),
        ("idx_availability_exceptions_practitioner", "availability_exceptions (practitioner_id, first_day)"),
    ]

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for (name, target) in Self.indexes {
            try await sql.raw("CREATE INDEX \(unsafeRaw: name) ON \(unsafeRaw: target)").run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for (name, _) in Self.indexes {
            try await sql.raw("DROP INDEX \(unsafeRaw: name)").run()
        }
    }
}
