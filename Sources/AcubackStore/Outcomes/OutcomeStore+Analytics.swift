import AcubackCore
import Foundation
import SQLKit

extension OutcomeStore {
    /// The clinic's analytics. Courses keep their baseline and latest pain scores, so SQL groups
    /// them by region, protocol, practitioner and scores without reading a measure; the pain
    /// change is worked out once per group in Swift (`PainChange`, the one place for that rule).
    /// Session and check-in counts come from the per-patient tallies. Extensions count with the
    /// course they extend.
    public func analytics(clinicID: UUID) async throws -> ClinicAnalytics {
        let sql = try store.sql
        let rows = try await sql.raw("""
            SELECT g.region, g.protocol, p.display_name, g.b_week, g.b_now, g.l_week, g.l_now, g.courses
            FROM (SELECT region, protocol, practitioner_id, baseline_pain_week AS b_week, baseline_pain_now AS b_now,
                         latest_pain_week AS l_week, latest_pain_now AS l_now, COUNT(*) AS courses
                  FROM courses
                  WHERE clinic_id = \(bind: clinicID) AND extends_course_id IS NULL AND kind = 'treatment'
                  GROUP BY region, protocol, practitioner_id, baseline_pain_week, baseline_pain_now, latest_pain_week, latest_pain_now) g
            JOIN practitioners p ON p.id = g.practitioner_id
            """).all()
        var courses: [CourseOutcome] = []
        courses.reserveCapacity(rows.count)
        for row in rows {
            func pain(_ column: String) throws -> Int? { try row.decode(column: column, as: Int?.self) }
            let baseline = OutcomeMeasures(painNow: try pain("b_now"), painAverageWeek: try pain("b_week"))
            let latest = OutcomeMeasures(painNow: try pain("l_now"), painAverageWeek: try pain("l_week"))
            courses.append(CourseOutcome(
                region: try row.decode(column: "region", as: String?.self) ?? "not recorded",
                protocolName: try row.decode(column: "protocol", as: String?.self) ?? "not recorded",
                practitionerName: try row.decode(column: "display_name", as: String.self),
                change: PainChange.between(baseline: baseline, current: latest),
                count: try row.decode(column: "courses", as: Int.self)))
        }
        return ClinicAnalytics(
            courses: courses, tally: try await PatientTallies.tally(clinicID: clinicID, on: sql), settings: try await settings(clinicID: clinicID))
    }
}
