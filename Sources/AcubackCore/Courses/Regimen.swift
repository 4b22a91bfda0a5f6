import Foundation

/// One stretch of a course at a steady frequency, e.g. six sessions at two a week.
public struct RegimenPhase: Codable, Sendable, Equatable {
    public var sessions: Int
    public var perWeek: Int

    public init(sessions: Int, perWeek: Int) {
        self.sessions = sessions
        self.perWeek = perWeek
    }

    /// Whole weeks the phase takes when every week is filled.
    public var weeks: Int { (sessions + perWeek - 1) / perWeek }
}

/// How many sessions a course has and how often, taken from a trial or set by the clinic.
public struct Regimen: Codable, Sendable, Equatable {
    public enum Origin: String, Codable, Sendable, CaseIterable {
        case gerac, cherkin2009, brinkhaus2006, clinic
    }

    public var origin: Origin
    public var phases: [RegimenPhase]

    public init(origin: Origin, phases: [RegimenPhase]) {
        self.origin = origin
        self.phases = phases
    }

    /// GERAC (Haake 2007): ten sessions, two a week for five weeks. The default.
    public static let gerac = Regimen(origin: .gerac, phases: [RegimenPhase(sessions: 10, perWeek: 2)])
    /// Cherkin 2009: ten sessions in seven weeks, two a week for three weeks then one a week for four.
    public static let cherkin2009 = Regimen(
        origin: .cherkin2009, phases: [RegimenPhase(sessions: 6, perWeek: 2), RegimenPhase(sessions: 4, perWeek: 1)])
    /// Brinkhaus 2006: twelve sessions in eight weeks, two a week for four weeks then one a week.
    public static let brinkhaus2006 = Regimen(
        origin: .brinkhaus2006, phases: [RegimenPhase(sessions: 8, perWeek: 2), RegimenPhase(sessions: 4, perWeek: 1)])

    /// The clinic's own course at one steady frequency.
    public static func clinic(sessions: Int, perWeek: Int) -> Regimen {
        Regimen(origin: .clinic, phases: [RegimenPhase(sessions: sessions, perWeek: perWeek)])
    }

    /// The trial regimen for an origin; `nil` for the clinic's own, which needs its numbers.
    public static func trial(_ origin: Origin) -> Regimen? {
        switch origin {
        case .gerac: .gerac
        case .cherkin2009: .cherkin2009
        case .brinkhaus2006: .brinkhaus2006
        case .clinic: nil
        }
    }

    /// The regimen a booking asks for: a trial's by name, or the clinic's own numbers. With no
    /// choice at all, GERAC; an extension of a course defaults to GERAC's five more at two a week.
    public static func chosen(origin: String?, sessions: Int?, perWeek: Int?, extending: Bool = false) throws(ValidationError) -> Regimen {
        let parsed: Origin
        if let origin {
            guard let known = Origin(rawValue: origin) else {
                throw ValidationError(field: "regimen", rule: "must be one of " + Origin.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", "))
            }
            parsed = known
        } else {
            parsed = sessions != nil || perWeek != nil || extending ? .clinic : .gerac
        }
        if let trial = trial(parsed) {
            guard sessions == nil, perWeek == nil else {
                throw ValidationError(field: "sessions", rule: "is set by the \(trial.name) regimen; leave it out or choose the regimen 'clinic'")
            }
            return trial
        }
        let regimen = clinic(sessions: sessions ?? (extending ? extensionSessions : 0), perWeek: perWeek ?? 2)
        try regimen.validate(field: "regimen")
        return regimen
    }

    /// GERAC offered five more sessions to partial responders (10–50 % less pain).
    public static let extensionSessions = 5

    public var sessions: Int { phases.reduce(0) { $0 + $1.sessions } }
    public var weeks: Int { phases.reduce(0) { $0 + $1.weeks } }
    /// The most sessions in any one week.
    public var peakPerWeek: Int { phases.map(\.perWeek).max() ?? 1 }

    /// Sessions after which the course is reviewed: one interim review after the fourth or fifth
    /// session, and one at the end.
    public var reviewAfter: [Int] {
        let interim = sessions >= 10 ? 5 : 4
        return sessions > interim + 1 ? [interim, sessions] : [sessions]
    }

    public var source: ClinicalSource? {
        switch origin {
        case .gerac: ClinicalSources.haake2007
        case .cherkin2009: ClinicalSources.cherkin2009
        case .brinkhaus2006: ClinicalSources.brinkhaus2006
        case .clinic: nil
        }
    }

    public var name: String {
        switch origin {
        case .gerac: "GERAC (Haake 2007)"
        case .cherkin2009: "Cherkin 2009"
        case .brinkhaus2006: "Brinkhaus 2006"
        case .clinic: "Clinic's own"
        }
    }

    /// "10 sessions: 2 a week for 5 weeks", "10 sessions: 2 a week for 3 weeks, then 1 a week for 4 weeks".
    public var summary: String {
        let parts = phases.map { "\($0.perWeek) a week for \($0.weeks) week\($0.weeks == 1 ? "" : "s")" }
        return "\(sessions) sessions: " + parts.joined(separator: ", then ")
    }

    /// The phase a session (counted from 0) falls in.
    public func phase(ofSession index: Int) -> RegimenPhase {
        var seen = 0
        for phase in phases {
            seen += phase.sessions
            if index < seen { return phase }
        }
        return phases.last ?? RegimenPhase(sessions: 1, perWeek: 1)
    }

    public func validate(field: String = "regimen") throws(ValidationError) {
        var errors = FieldErrorCollector()
        errors.check((1...3).contains(phases.count), "\(field).phases", "must have from 1 to 3 phases")
        for (index, phase) in phases.enumerated() {
            errors.check((1...30).contains(phase.sessions), "\(field).phases[\(index)].sessions", "must be from 1 to 30")
            errors.check((1...5).contains(phase.perWeek), "\(field).phases[\(index)].perWeek", "must be from 1 to 5")
        }
        errors.check(sessions <= 30, "\(field).sessions", "a course has at most 30 sessions")
        try errors.throwIfAny()
    }
}
