import AcubackCore
import FluentSQL
import Foundation
import SQLKit

extension OutcomeStore {
    /// The progress of each of the patient's treatment courses, newest first, in four plain-SQL
    /// reads on one reader connection whatever the number of courses: courses, measures, sessions
    /// and reviews, each for the whole patient. `progress(courseID:)` takes four or five per course.
    public func treatmentProgress(patientID: UUID) async throws -> [CourseProgress] {
        let sql = try store.readSQL
        let courses = try await sql.raw("SELECT * FROM courses WHERE patient_id = \(bind: patientID) ORDER BY created_at DESC").all()
            .map { try $0.decode(fluentModel: CourseModel.self).record }
        guard courses.contains(where: { $0.kind == .treatment }) else { return [] }
        let measures = Dictionary(grouping: try await sql.raw("""
            SELECT * FROM outcome_measures WHERE patient_id = \(bind: patientID) ORDER BY taken_at
            """).all().map { try $0.decode(fluentModel: OutcomeMeasureModel.self).record }, by: \.courseID)
        let reviews = Dictionary(grouping: try await sql.raw("""
            SELECT r.* FROM course_reviews r JOIN courses c ON c.id = r.course_id WHERE c.patient_id = \(bind: patientID) ORDER BY r.reviewed_at
            """).all().map { try $0.decode(fluentModel: CourseReviewModel.self).record }, by: \.courseID)
        let sessions = Dictionary(grouping: try await sql.raw("""
            SELECT s.id, s.started_at, s.pain_before, s.pain_after, s.closed_at, a.course_id
            FROM treatment_sessions s JOIN appointments a ON a.id = s.appointment_id
            WHERE s.patient_id = \(bind: patientID) AND a.course_id IS NOT NULL ORDER BY s.started_at
            """).all().map(ChartSession.init), by: \.courseID)
        return courses.filter { $0.kind == .treatment }.map { course in
            var own = measures[course.id] ?? []
            // An extended course is measured against the baseline of the course it extends.
            if let originalID = course.extendsCourseID, !own.contains(where: { $0.timepoint == .baseline }),
               let baseline = measures[originalID]?.first(where: { $0.timepoint == .baseline }) {
                own.insert(baseline, at: 0)
            }
            let pains = (sessions[course.id] ?? []).enumerated().map { index, session in
                SessionPain(number: index + 1, sessionID: session.id, startedAt: session.startedAt, before: session.painBefore,
                            after: session.closedAt == nil ? nil : session.painAfter)
            }
            return CourseProgress(course: course, measures: own, sessions: pains, reviews: reviews[course.id] ?? [])
        }
    }
}

/// The columns of a session a course's pain chart needs.
private struct ChartSession {
    let id: UUID
    let startedAt: Date
    let painBefore: Int
    let painAfter: Int?
    let closedAt: Date?
    let courseID: UUID

    init(_ row: any SQLRow) throws {
        id = try row.decode(column: "id", as: UUID.self)
        startedAt = try row.decode(column: "started_at", as: Date.self)
        painBefore = try row.decode(column: "pain_before", as: Int.self)
        painAfter = try row.decode(column: "pain_after", as: Int?.self)
        closedAt = try row.decode(column: "closed_at", as: Date?.self)
        courseID = try row.decode(column: "course_id", as: UUID.self)
    }
}
