/// How a patient's pain has answered the course so far.
public enum ResponseCategory: String, Codable, Sendable, CaseIterable {
    /// Less pain by at least the clinically important difference.
    case responder
    /// At least 10 % less pain, but short of the important difference.
    case partial
    /// Less than 10 % less pain, or worse.
    case nonResponder = "non-responder"

    public var title: String {
        switch self {
        case .responder: "Responder"
        case .partial: "Partial responder"
        case .nonResponder: "Non-responder"
        }
    }
}

/// What the review suggests doing next. The practitioner decides.
public enum ReviewRecommendation: String, Codable, Sendable, CaseIterable {
    case continueCourse = "continue"
    case completeCourse = "complete"
    case offerExtension = "offer-extension"
    case reviewOrRefer = "review-or-refer"

    public var title: String {
        switch self {
        case .continueCourse: "Continue the course"
        case .completeCourse: "Course complete"
        case .offerExtension: "Offer \(Regimen.extensionSessions) more sessions"
        case .reviewOrRefer: "Review the diagnosis or refer"
        }
    }
}

/// The outcome of a course review: pain against the baseline, judged against the clinic's
/// clinically important difference.
public struct CourseReview: Codable, Sendable, Equatable {
    public let afterSession: Int
    /// True at the last planned session; an interim review otherwise.
    public let isFinal: Bool
    public let change: PainChange
    public let category: ResponseCategory
    public let recommendation: ReviewRecommendation

    public init(afterSession: Int, isFinal: Bool, change: PainChange, category: ResponseCategory, recommendation: ReviewRecommendation) {
        self.afterSession = afterSession
        self.isFinal = isFinal
        self.change = change
        self.category = category
        self.recommendation = recommendation
    }

    /// Reviews a course after a session. The 10–50 % band for partial responders (GERAC) overlaps
    /// the important difference (30 %): a patient who meets the important difference is a
    /// responder, so "partial" means at least 10 % less pain but below it.
    public static func review(
        baseline: OutcomeMeasures?, current: OutcomeMeasures?, afterSession: Int, regimen: Regimen,
        alreadyExtended: Bool = false, settings: OutcomeSettings = .standard
    ) throws(ValidationError) -> CourseReview {
        guard let baseline else {
            throw ValidationError(field: "baseline", rule: "the course has no baseline measures; record pain before the first session")
        }
        guard let current else {
            throw ValidationError(field: "measureId", rule: "no measures were taken after the baseline")
        }
        guard let change = PainChange.between(baseline: baseline, current: current) else {
            throw ValidationError(field: "baseline", rule: "the baseline and the latest measures share no pain score (average last week or now)")
        }
        guard change.baseline > 0 else {
            throw ValidationError(field: "baseline", rule: "pain at the baseline was 0; there is no pain to measure a change against")
        }
        guard afterSession >= 1 else {
            throw ValidationError(field: "afterSession", rule: "a review comes after at least one session")
        }
        guard afterSession <= regimen.sessions else {
            throw ValidationError(field: "afterSession", rule: "the course has \(regimen.sessions) sessions: review after one of them")
        }
        let category = categorize(change, settings: settings)
        let isFinal = afterSession >= regimen.sessions
        return CourseReview(
            afterSession: afterSession, isFinal: isFinal, change: change, category: category,
            recommendation: recommend(category, isFinal: isFinal, alreadyExtended: alreadyExtended))
    }

    public static func categorize(_ change: PainChange, settings: OutcomeSettings) -> ResponseCategory {
        let percent = change.percent ?? 0
        if Double(change.points) >= settings.importantPoints || percent >= settings.importantPercent { return .responder }
        if percent >= OutcomeSettings.partialPercent { return .partial }
        return .nonResponder
    }

    static func recommend(_ category: ResponseCategory, isFinal: Bool, alreadyExtended: Bool) -> ReviewRecommendation {
        switch (category, isFinal) {
        case (.responder, false), (.partial, false): .continueCourse
        case (.responder, true): .completeCourse
        case (.partial, true): alreadyExtended ? .reviewOrRefer : .offerExtension
        case (.nonResponder, _): .reviewOrRefer
        }
    }
}
