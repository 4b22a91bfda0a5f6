import AcubackCore
import FluentKit
import Foundation
import SQLKit

/// Counts the analytics need, kept per patient as sessions close and check-ins arrive, so the
/// dashboard adds up one row per patient instead of reading every session and check-in: at a
/// million sessions that was four seconds. `rebuild` counts them again from the records; the
/// migration, the demo and the generator use it, and a test holds the kept counts to it.
enum PatientTallies {
    static let table = "patient_tallies"
    /// Each kept count, with what `rebuild` counts for it over a session `s` and its check-in `ci`.
    static let columns: [(name: String, counted: String)] = [
        ("closed_sessions", "s.closed_at IS NOT NULL"), ("soreness", "ci.soreness > 0"), ("tiredness", "ci.tiredness"),
        ("needed_sleep", "ci.needed_sleep"), ("bruising", "ci.bruising"), ("breathlessness", "ci.breathlessness"), ("other", "ci.other <> ''"),
    ]
    static var counts: [String] { columns.map(\.name) }
    /// The after-effect each check-in count stands for.
    static let afterEffects: [(AfterEffect, String)] = [
        (.soreness, "soreness"), (.tiredness, "tiredness"), (.neededSleep, "needed_sleep"), (.bruising, "bruising"),
        (.breathlessness, "breathlessness"), (.other, "other"),
    ]

    /// One closed session.
    static func sessionClosed(patientID: UUID, clinicID: UUID, on db: any Database) async throws {
        try await add(patientID: patientID, clinicID: clinicID, ["closed_sessions": 1], on: db)
    }

    /// The after-effects one check-in reported.
    static func checkedIn(_ checkIn: CheckIn, patientID: UUID, clinicID: UUID, on db: any Database) async throws {
        let other = !checkIn.other.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        try await add(patientID: patientID, clinicID: clinicID, [
            "soreness": checkIn.soreness > 0 ? 1 : 0, "tiredness": checkIn.tiredness ? 1 : 0, "needed_sleep": checkIn.neededSleep ? 1 : 0,
            "bruising": checkIn.bruising ? 1 : 0, "breathlessness": checkIn.breathlessness ? 1 : 0, "other": other ? 1 : 0,
        ], on: db)
    }

    private static func add(patientID: UUID, clinicID: UUID, _ increments: [String: Int], on db: any Database) async throws {
        let values = counts.map { SQLBind(increments[$0] ?? 0) as any SQLExpression }
        let sums = counts.map { "\($0) = \(table).\($0) + excluded.\($0)" }.joined(separator: ", ")
        try await (db as! any SQLDatabase).raw("""
            INSERT INTO patient_tallies (patient_id, clinic_id, \(unsafeRaw: counts.joined(separator: ", ")))
            VALUES (\(bind: patientID), \(bind: clinicID), \(SQLList(values)))
            ON CONFLICT (patient_id) DO UPDATE SET \(unsafeRaw: sums)
            """).run()
    }

    /// Counts every patient's tallies again from the sessions and check-ins (of one clinic, or all).
    static func rebuild(clinicID: UUID?, on sql: any SQLDatabase) async throws {
        let clinic: SQLQueryString = clinicID.map { "WHERE s.clinic_id = \(bind: $0)" } ?? ""
        try await sql.raw("DELETE FROM patient_tallies \(clinicID.map { "WHERE clinic_id = \(bind: $0)" as SQLQueryString } ?? "")").run()
        try await sql.raw("""
            INSERT INTO patient_tallies (patient_id, clinic_id, \(unsafeRaw: counts.joined(separator: ", ")))
            SELECT s.patient_id, s.clinic_id, \(unsafeRaw: columns.map { "SUM(CASE WHEN \($0.counted) THEN 1 ELSE 0 END)" }.joined(separator: ", "))
            FROM treatment_sessions s LEFT JOIN check_ins ci ON ci.session_id = s.id
            \(clinic)
            GROUP BY s.patient_id, s.clinic_id
            """).run()
    }

    /// What the dashboard adds up: PostgreSQL sums BIGINT columns as NUMERIC, hence the casts.
    static let sums = [
        ("sessions", "closed_sessions"), ("patients", "CASE WHEN closed_sessions > 0 THEN 1 ELSE 0 END"), ("soreness", "soreness"),
        ("tiredness", "tiredness"), ("needed_sleep", "needed_sleep"), ("bruising", "bruising"), ("breathlessness", "breathlessness"),
        ("other", "other"), ("patients_tired", "CASE WHEN tiredness > 0 THEN 1 ELSE 0 END"),
        ("patients_pain", "CASE WHEN soreness > 0 OR bruising > 0 THEN 1 ELSE 0 END"),
    ]

    /// The clinic's session tally, from the kept counts, with incidents counted as they are.
    static func tally(clinicID: UUID, on sql: any SQLDatabase) async throws -> SessionTally {
        var tally = SessionTally()
        if let row = try await sql.raw("""
            SELECT \(unsafeRaw: Self.sums.map { "CAST(SUM(\($0.1)) AS BIGINT) AS \($0.0)" }.joined(separator: ", "))
            FROM patient_tallies WHERE clinic_id = \(bind: clinicID)
            """).first() {
            func count(_ column: String) throws -> Int { try row.decode(column: column, as: Int?.self) ?? 0 }
            tally.sessions = try count("sessions")
            tally.patients = try count("patients")
            for (effect, column) in afterEffects { tally.sessionsWith[effect] = try count(column) }
            tally.patientsWithTiredness = try count("patients_tired")
            tally.patientsWithPainOrBruising = try count("patients_pain")
        }
        if let row = try await sql.raw("""
            SELECT COUNT(*) AS events, COUNT(DISTINCT patient_id) AS patients FROM incidents WHERE clinic_id = \(bind: clinicID)
            """).first() {
            tally.adverseEvents = try row.decode(column: "events", as: Int.self)
            tally.patientsWithAdverseEvent = try row.decode(column: "patients", as: Int.self)
        }
        return tally
    }
}
