import AcubackServices
import AcubackCore
import Foundation

/// The course template's values: where the course stands, its charts, its reviews, and for
/// staff who record outcomes the measures and review forms.
struct CoursePage: PageModel {
    struct Review: Sendable {
        let when: String
        let text: String
        let category: String
        /// Nil rather than empty: Mustache shows a section for any string, even an empty one.
        let note: String?

        init(_ record: CourseReviewRecord, zone: TimeZone, forPatient: Bool) {
            when = DisplayTime.format(record.reviewedAt, in: zone)
            text = forPatient ? PlainWords.review(record.review) : CourseView.reviewText(record)
            category = record.review.category.rawValue
            note = record.note.isEmpty ? nil : record.note
        }
    }

    let patientName: String
    let course: CourseView
    /// The course's charts, rendered (`ChartFragments`); nil with nothing to chart.
    let charts: String?
    let important: String
    let reviews: [Review]
    /// What the redirect after a save says was saved.
    let savedMeasures: Bool?
    let savedReview: Bool?
    /// Nil for a reader who does not record outcomes (the patient, reception).
    let forms: CourseForms?
    let measureError: String?
    let reviewError: String?

    /// `saved`: the `saved` query of the redirect after a save.
    init(
        _ progress: CourseProgress, charts: String?, patientName: String, settings: OutcomeSettings, zone: TimeZone, forPatient: Bool, saved: String?,
        forms: CourseForms?, measureError: String?, reviewError: String?
    ) {
        self.patientName = patientName
        course = CourseView(progress, zone: zone, forPatient: forPatient)
        self.charts = charts
        important = "at least \(SVG.number(settings.importantPercent)) % or \(SVG.number(settings.importantPoints)) points less pain than at the baseline"
        reviews = progress.reviews.map { Review($0, zone: zone, forPatient: forPatient) }
        savedMeasures = saved?.capitalized == "Measures" ? true : nil
        savedReview = saved?.capitalized == "Review" ? true : nil
        self.forms = forms
        self.measureError = measureError
        self.reviewError = reviewError
    }
}

/// The measures and review forms of the course page, refilled with what was typed when a save
/// was refused. Fields left empty are nil, so that the form shows them empty.
struct CourseForms: Sendable {
    struct Timepoint: Sendable {
        let value: String
        let label: String
        let selected: Bool?
    }

    struct Activity: Sendable {
        let row: Int
        let number: Int
        let name: String?
        let score: String?
    }

    struct Question: Sendable {
        let value: String
        let question: String
    }

    struct Session: Sendable {
        let id: String
        let label: String
    }

    struct Extension: Sendable {
        let sessions: Int
        let courseId: String
    }

    let timepoints: [Timepoint]
    let activities: [Activity]
    let afterSession: Int
    let redFlagQuestions: [Question]
    let sessions: [Session]
    let painNow: String?
    let painAverageWeek: String?
    let painWorst: String?
    let fingertipToFloorCm: String?
    let schoberCm: String?
    let swellingGrade: String?
    let rolandMorris: String?
    let oswestry: String?
    let rolandMorrisEnabled: Bool?
    let oswestryEnabled: Bool?
    /// A review needs a baseline and a closed session to compare it with.
    let canReview: Bool?
    let offerExtension: Extension?

    /// `form`: what was sent, when the measures were refused.
    init(_ progress: CourseProgress, settings: OutcomeSettings, form: FormFields?, zone: TimeZone) {
        let hasBaseline = progress.baseline != nil
        let chosen = form?.text("timepoint") ?? (hasBaseline ? "session" : "baseline")
        // Only one baseline: once it is recorded, the choice is gone.
        timepoints = MeasureTimepoint.allCases.filter { $0 != .baseline || !hasBaseline }.map {
            Timepoint(
                value: $0.rawValue, label: $0.rawValue.capitalized.replacingOccurrences(of: "-", with: " "),
                selected: $0.rawValue == chosen ? true : nil)
        }
        // The baseline's activities are offered again, to be scored against it.
        let names = progress.baseline?.measures.function?.map(\.activity) ?? []
        activities = (0..<MeasureForm.activityRows).map { row in
            let name = form?.text("activity\(row)") ?? (row < names.count ? names[row] : "")
            let score = form?.text("activityScore\(row)") ?? ""
            return Activity(row: row, number: row + 1, name: name.isEmpty ? nil : name, score: score.isEmpty ? nil : score)
        }
        afterSession = progress.sessionsDone
        redFlagQuestions = RedFlag.allCases.map { Question(value: $0.rawValue, question: $0.question) }
        sessions = progress.sessions.map {
            Session(id: $0.sessionID.uuidString, label: "Session \($0.number), \(DisplayTime.short($0.startedAt, in: zone))")
        }
        func typed(_ field: String) -> String? {
            guard let text = form?.text(field), !text.isEmpty else { return nil }
            return text
        }
        painNow = typed("painNow")
        painAverageWeek = typed("painAverageWeek")
        painWorst = typed("painWorst")
        fingertipToFloorCm = typed("fingertipToFloorCm")
        schoberCm = typed("schoberCm")
        swellingGrade = typed("swellingGrade")
        rolandMorris = typed("rolandMorris")
        oswestry = typed("oswestry")
        rolandMorrisEnabled = settings.instruments.contains(.rolandMorris) ? true : nil
        oswestryEnabled = settings.instruments.contains(.oswestry) ? true : nil
        canReview = progress.sessionsDone > 0 && hasBaseline ? true : nil
        if let latest = progress.reviews.last, latest.review.recommendation == .offerExtension, progress.course.extendsCourseID == nil {
            offerExtension = Extension(sessions: Regimen.extensionSessions, courseId: progress.course.id.uuidString)
        } else {
            offerExtension = nil
        }
    }
}
