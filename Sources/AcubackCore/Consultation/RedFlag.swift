import Foundation

/// The four groups of serious spinal pathology a first consultation screens for (CLINICAL.md §5:
/// Verhagen 2016; Finucane 2020; AHCPR 1994).
public enum RedFlagGroup: String, Codable, Sendable, CaseIterable {
    case caudaEquina, fracture, malignancy, infection

    public var title: String {
        switch self {
        case .caudaEquina: "Cauda equina"
        case .fracture: "Fracture"
        case .malignancy: "Malignancy"
        case .infection: "Infection"
        }
    }
}

/// One red flag: a sign that stops routine treatment until a clinician has reviewed it.
public enum RedFlag: String, Codable, Sendable, CaseIterable, NamedChoice {
    case saddleNumbness, bladderOrBowel, progressiveWeakness
    case majorTrauma, minorTraumaWithRisk
    case cancerHistory, weightLoss, newPainOver50, nightPain
    case fever, immunosuppression, ivDrugUse, recentInfection

    public init(from decoder: any Decoder) throws { self = try Self.decodeChoice(from: decoder) }

    public var group: RedFlagGroup {
        switch self {
        case .saddleNumbness, .bladderOrBowel, .progressiveWeakness: .caudaEquina
        case .majorTrauma, .minorTraumaWithRisk: .fracture
        case .cancerHistory, .weightLoss, .newPainOver50, .nightPain: .malignancy
        case .fever, .immunosuppression, .ivDrugUse, .recentInfection: .infection
        }
    }

    /// The question as the practitioner asks it.
    public var question: String {
        switch self {
        case .saddleNumbness: "Numbness around the back passage or genitals (saddle area)"
        case .bladderOrBowel: "New trouble passing or holding urine or stools"
        case .progressiveWeakness: "Severe or worsening weakness in the legs"
        case .majorTrauma: "A major injury, such as a fall from height or a road accident"
        case .minorTraumaWithRisk: "A minor injury with osteoporosis, long-term steroids or age over 70"
        case .cancerHistory: "Cancer in the past"
        case .weightLoss: "Weight lost without trying"
        case .newPainOver50: "Over 50 with back pain that is new"
        case .nightPain: "Pain at night that rest does not ease"
        case .fever: "Fever or chills"
        case .immunosuppression: "A weakened immune system (medicines or illness)"
        case .ivDrugUse: "Injecting drugs"
        case .recentInfection: "A recent bacterial infection"
        }
    }

    /// Suspected cauda equina needs an urgent referral the same day.
    public var isUrgent: Bool { group == .caudaEquina }

    public static let sources = [ClinicalSources.verhagen2016.id, ClinicalSources.finucane2020.id]
}

/// What a clinician decided about the red flags found.
public enum RedFlagOutcome: String, Codable, Sendable, CaseIterable, NamedChoice {
    /// Reviewed; routine treatment may go ahead.
    case cleared
    /// Sent on for investigation; treatment stays stopped until a later review clears it.
    case referred

    public init(from decoder: any Decoder) throws { self = try Self.decodeChoice(from: decoder) }
}

/// A red-flag screen as asked at a first consultation or a course review.
public struct RedFlagScreen: Sendable, Equatable {
    public var flags: [RedFlag]
    public var screenedAt: Date

    public init(flags: [RedFlag], screenedAt: Date) {
        self.flags = flags
        self.screenedAt = screenedAt
    }
}

/// A clinician's decision on the red flags found, with its reason.
public struct RedFlagDecision: Sendable, Equatable {
    public var outcome: RedFlagOutcome
    public var reason: String
    public var referredTo: String?
    public var decidedAt: Date

    public init(outcome: RedFlagOutcome, reason: String, referredTo: String? = nil, decidedAt: Date) {
        self.outcome = outcome
        self.reason = reason
        self.referredTo = referredTo
        self.decidedAt = decidedAt
    }

    public static let reasonLimit = 2000

    /// An outcome needs its reason; a referral says where to.
    public static func validate(outcome: RedFlagOutcome?, reason: String, referredTo: String?) throws(ValidationError) {
        var errors = FieldErrorCollector()
        errors.check(outcome != nil, "outcome", "is required: 'cleared' or 'referred'")
        let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        errors.check(!text.isEmpty, "reason", "is required: say what was reviewed and why")
        errors.check(text.count <= reasonLimit, "reason", "must be at most \(reasonLimit) characters")
        if outcome == .referred {
            errors.check(!(referredTo ?? "").trimmingCharacters(in: .whitespaces).isEmpty, "referredTo", "is required for a referral: say to whom")
        }
        errors.check((referredTo ?? "").count <= 200, "referredTo", "must be at most 200 characters")
        try errors.throwIfAny()
    }
}

/// Whether routine treatment may go ahead, given every screen and decision of the patient.
public enum RedFlagClearance: Sendable, Equatable {
    case clear
    /// Treatment stops: the flags of the newest flagged screen, and whether they were referred.
    case stopped(flags: [RedFlag], referred: Bool)

    /// A flagged screen stops treatment until a "cleared" decision made after it; a referral
    /// made after it keeps treatment stopped.
    public static func of(screens: [RedFlagScreen], decisions: [RedFlagDecision]) -> RedFlagClearance {
        guard let flagged = screens.filter({ !$0.flags.isEmpty }).max(by: { $0.screenedAt < $1.screenedAt }) else { return .clear }
        // The newest decision counts; of two at the same instant, the one given later.
        let after = decisions.filter { $0.decidedAt >= flagged.screenedAt }.reduce(nil as RedFlagDecision?) { newest, next in
            guard let newest else { return next }
            return next.decidedAt >= newest.decidedAt ? next : newest
        }
        if after?.outcome == .cleared { return .clear }
        return .stopped(flags: flagged.flags, referred: after?.outcome == .referred)
    }

    public var isClear: Bool { self == .clear }

    public var isUrgent: Bool {
        if case .stopped(let flags, _) = self { return flags.contains(where: \.isUrgent) }
        return false
    }
}
