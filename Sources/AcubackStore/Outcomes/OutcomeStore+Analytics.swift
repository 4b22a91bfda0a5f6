import AcubackCore
import Foundation
import SQLKit

extension OutcomeStore {
    /// The clinic's analytics. Each course is one row (its baseline and latest pain measures are
    /// kept on the course), and the session counts are summed in SQL, so the cost grows with the
    /// number of courses rather than of sessions. Extensions count with the course they extend.
    public func analytics(clinicID: UUID) async throws -> ClinicAnalytics {
        let sql = try store.sql
        let rows = try await sql.raw("""
            SELECT c.region, c.protocol, p.display_name,
                   b.pain_average_week AS b_week, b.pain_now AS b_now, l.pain_average_week AS l_week, l.pain_now AS l_now
            FROM courses c
            JOIN practitioners p ON p.id = c.practitioner_id
            LEFT JOIN outcome_measures b ON b.id = c.baseline_measure_id
            LEFT JOIN outcome_measures l ON l.id = c.latest_measure_id
            WHERE c.clinic_id = \(bind: clinicID) AND c.extends_course_id IS NULL AND c.kind = 'treatment'
            """).all()
        var courses: [CourseOutcome] = []
        courses.reserveCapacity(rows.count)
        for row in rows {
            let baseline = OutcomeMeasures(
                painNow: try row.decodeNil(column: "b_now") ? nil : try row.decode(column: "b_now", as: Int.self),
                painAverageWeek: try row.decodeNil(column: "b_week") ? nil : try row.decode(column: "b_week", as: Int.self))
            let latest = OutcomeMeasures(
                painNow: try row.decodeNil(column: "l_now") ? nil : try row.decode(column: "l_now", as: Int.self),
                painAverageWeek: try row.decodeNil(column: "l_week") ? nil : try row.decode(column: "l_week", as: Int.self))
            courses.append(CourseOutcome(
                region: (try? row.decode(column: "region", as: String?.self)) ?? nil ?? "not recorded",
                protocolName: (try? row.decode(column: "protocol", as: String?.self)) ?? nil ?? "not recorded",
                practitionerName: try row.decode(column: "display_name", as: String.self),
                change: PainChange.between(baseline: baseline, current: latest)))
        }
        return ClinicAnalytics(courses: courses, tally: try await tally(clinicID: clinicID, on: sql), settings: try await settings(clinicID: clinicID))
    }

    func tally(clinicID: UUID, on sql: any SQLDatabase) async throws -> SessionTally {
        var tally = SessionTally()
        if let row = try await sql.raw("""
            SELECT COUNT(*) AS sessions, COUNT(DISTINCT patient_id) AS patients
            FROM treatment_sessions WHERE clinic_id = \(bind: clinicID) AND closed_at IS NOT NULL
            """).first() {
            tally.sessions = try row.decode(column: "sessions", as: Int.self)
            tally.patients = try row.decode(column: "patients", as: Int.self)
        }
        if let row = try await sql.raw("""
            SELECT SUM(CASE WHEN ci.soreness > 0 THEN 1 ELSE 0 END) AS soreness,
                   SUM(CASE WHEN ci.tiredness THEN 1 ELSE 0 END) AS tiredness,
                   SUM(CASE WHEN ci.needed_sleep THEN 1 ELSE 0 END) AS needed_sleep,
                   SUM(CASE WHEN ci.bruising THEN 1 ELSE 0 END) AS bruising,
                   SUM(CASE WHEN ci.breathlessness THEN 1 ELSE 0 END) AS breathlessness,
                   SUM(CASE WHEN ci.other <> '' THEN 1 ELSE 0 END) AS other,
                   COUNT(DISTINCT CASE WHEN ci.tiredness THEN s.patient_id END) AS patients_tired,
                   COUNT(DISTINCT CASE WHEN ci.soreness > 0 OR ci.bruising THEN s.patient_id END) AS patients_pain
            FROM check_ins ci JOIN treatment_sessions s ON s.id = ci.session_id
            WHERE s.clinic_id = \(bind: clinicID)
            """).first() {
            for (effect, column) in [(AfterEffect.soreness, "soreness"), (.tiredness, "tiredness"), (.neededSleep, "needed_sleep"),
                                     (.bruising, "bruising"), (.breathlessness, "breathlessness"), (.other, "other")] {
                tally.sessionsWith[effect] = (try? row.decode(column: column, as: Int?.self)) ?? nil ?? 0
            }
            tally.patientsWithTiredness = try row.decode(column: "patients_tired", as: Int.self)
            tally.patientsWithPainOrBruising = try row.decode(column: "patients_pain", as: Int.self)
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
