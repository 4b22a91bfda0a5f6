import AcubackServices
import AcubackCore
import Foundation

/// A course in words for the pages: its regimen, where it stands and its latest review.
struct CourseView: Sendable {
    let id: String
    let patientId: String
    let regimenName: String
    let regimenSummary: String
    let date: String
    let done: Int
    let sessions: Int
    let reviewAfter: String
    // Each of these is nil where the course has none, so that its section stays out.
    let source: String?
    let `protocol`: String?
    let region: String?
    let `extension`: Bool?
    let reviewDue: Int?
    let latestReview: String?
    let plainName: String?
    /// Nil rather than false for staff: a page around the course may set its own.
    let forPatient: Bool?

    /// `forPatient`: the patient reads about their own course; the trial behind it is a detail.
    init(_ progress: CourseProgress, zone: TimeZone, forPatient: Bool = false) {
        let course = progress.course
        let regimen = course.regimen
        id = course.id.uuidString
        patientId = course.patientID.uuidString
        regimenName = regimen.name
        regimenSummary = regimen.summary
        date = DisplayTime.day(course.createdAt, in: zone)
        done = progress.sessionsDone
        sessions = regimen.sessions
        reviewAfter = regimen.reviewAfter.map(String.init).joined(separator: " and ")
        source = regimen.source?.citation
        self.protocol = course.protocolName
        region = course.region
        self.extension = course.extendsCourseID != nil ? true : nil
        reviewDue = Self.reviewDue(progress)
        latestReview = progress.reviews.last.map { forPatient ? PlainWords.review($0.review) : Self.reviewText($0) }
        plainName = forPatient ? "Your course of \(regimen.sessions) treatments" : nil
        self.forPatient = forPatient ? true : nil
    }

    /// The review point reached without a review after it, if any.
    static func reviewDue(_ progress: CourseProgress) -> Int? {
        let reviewed = Set(progress.reviews.map(\.review.afterSession))
        return progress.course.regimen.reviewAfter.last { $0 <= progress.sessionsDone && !reviewed.contains($0) }
    }

    static func reviewText(_ record: CourseReviewRecord) -> String {
        let review = record.review
        let change = review.change
        let percent = change.percent.map { " (\(SVG.number($0)) %)" } ?? ""
        return "after session \(review.afterSession): \(review.category.title), \(change.scale.title) \(change.baseline) → \(change.current)"
            + "\(percent). \(review.recommendation.title)."
    }
}
