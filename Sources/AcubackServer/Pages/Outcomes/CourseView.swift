import AcubackServices
import AcubackCore
import Foundation

/// A course in words for the pages: its regimen, where it stands, its reviews and its charts.
enum CourseView {
    /// `forPatient`: the patient reads about their own course; the trial behind it is a detail.
    static func summary(_ progress: CourseProgress, zone: TimeZone, forPatient: Bool = false) -> [String: Any] {
        let course = progress.course
        let regimen = course.regimen
        var values: [String: Any] = [
            "id": course.id.uuidString, "patientId": course.patientID.uuidString, "regimenName": regimen.name,
            "regimenSummary": regimen.summary, "date": DisplayTime.day(course.createdAt, in: zone), "done": progress.sessionsDone,
            "sessions": regimen.sessions, "reviewAfter": regimen.reviewAfter.map(String.init).joined(separator: " and "),
        ]
        if let source = regimen.source { values["source"] = source.citation }
        if let protocolName = course.protocolName { values["protocol"] = protocolName }
        if let region = course.region { values["region"] = region }
        if course.extendsCourseID != nil { values["extension"] = true }
        if let due = reviewDue(progress) { values["reviewDue"] = due }
        if let latest = progress.reviews.last { values["latestReview"] = forPatient ? PlainWords.review(latest.review) : reviewText(latest) }
        if forPatient {
            values["plainName"] = "Your course of \(regimen.sessions) treatments"
            values["forPatient"] = true
        }
        return values
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

    static func charts(_ progress: CourseProgress, settings: OutcomeSettings, zone: TimeZone, forPatient: Bool = false) -> [[String: Any]] {
        CourseCharts(progress: progress, settings: settings, zone: zone, forPatient: forPatient).figures.map(\.context)
    }
}
