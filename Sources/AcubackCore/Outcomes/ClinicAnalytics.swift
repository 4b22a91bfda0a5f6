import Foundation

/// One course as the analytics see it: who treated which region with which protocol, and how
/// pain moved from the baseline to the latest measure.
public struct CourseOutcome: Sendable, Equatable {
    public let region: String
    public let protocolName: String
    public let practitionerName: String
    /// `nil` until the course has a baseline and a later pain score on the same scale.
    public let change: PainChange?
    /// How many courses this one stands for: a clinic's courses arrive grouped, one entry per
    /// distinct region, protocol, practitioner and pair of pain scores.
    public let count: Int

    public init(region: String, protocolName: String, practitionerName: String, change: PainChange?, count: Int = 1) {
        self.region = region
        self.protocolName = protocolName
        self.practitionerName = practitionerName
        self.change = change
        self.count = count
    }
}

/// Counts over closed sessions and their check-ins, for rates per 100 sessions and per patient.
public struct SessionTally: Sendable, Equatable {
    public var sessions = 0
    public var patients = 0
    /// Sessions whose check-in reported each after-effect.
    public var sessionsWith: [AfterEffect: Int] = [:]
    /// Incidents at the chair plus check-ins marked serious.
    public var adverseEvents = 0
    public var patientsWithTiredness = 0
    public var patientsWithPainOrBruising = 0
    public var patientsWithAdverseEvent = 0

    public init() {}
}

/// Responders among a group of courses, with the mean change in pain.
public struct ResponderGroup: Sendable, Equatable, Codable {
    public let label: String
    public let courses: Int
    /// Courses with a baseline and a later pain score.
    public let assessed: Int
    public let responders: Int
    public let partial: Int
    public let nonResponders: Int
    /// Percent of assessed courses; `nil` when none was assessed.
    public let responderRate: Double?
    public let meanChangePoints: Double?
    public let meanChangePercent: Double?
}

/// A rate the clinic observed, beside the published figure where there is one.
public struct ObservedRate: Sendable, Equatable, Codable {
    public let label: String
    public let count: Int
    public let per100Sessions: Double?
    /// Percent of treated patients, for comparison with the published per-patient figures.
    public let percentOfPatients: Double?
    public let published: String?
    public let sourceID: String?
}

/// The clinic's figures: responder rates by region, protocol and practitioner, mean change in
/// pain, and after-effects and adverse events per 100 sessions.
public struct ClinicAnalytics: Sendable, Equatable, Codable {
    public let overall: ResponderGroup
    public let byRegion: [ResponderGroup]
    public let byProtocol: [ResponderGroup]
    public let byPractitioner: [ResponderGroup]
    public let sessions: Int
    public let rates: [ObservedRate]
    public let importantPercent: Double
    public let importantPoints: Double

    public init(courses: [CourseOutcome], tally: SessionTally, settings: OutcomeSettings) {
        overall = Self.group("All courses", courses, settings)
        byRegion = Self.grouped(courses, by: \.region, settings)
        byProtocol = Self.grouped(courses, by: \.protocolName, settings)
        byPractitioner = Self.grouped(courses, by: \.practitionerName, settings)
        sessions = tally.sessions
        importantPercent = settings.importantPercent
        importantPoints = settings.importantPoints
        rates = Self.rates(tally)
    }

    static func grouped(_ courses: [CourseOutcome], by key: KeyPath<CourseOutcome, String>, _ settings: OutcomeSettings) -> [ResponderGroup] {
        Dictionary(grouping: courses, by: { $0[keyPath: key] })
            .map { group($0.key, $0.value, settings) }
            .sorted { $0.label < $1.label }
    }

    static func group(_ label: String, _ courses: [CourseOutcome], _ settings: OutcomeSettings) -> ResponderGroup {
        let assessed = courses.compactMap { course in course.change.flatMap { $0.baseline > 0 ? ($0, course.count) : nil } }
        var counts: [ResponseCategory: Int] = [:]
        for (change, count) in assessed { counts[CourseReview.categorize(change, settings: settings), default: 0] += count }
        let assessedCount = assessed.map(\.1).reduce(0, +)
        let responders = counts[.responder, default: 0]
        return ResponderGroup(
            label: label, courses: courses.map(\.count).reduce(0, +), assessed: assessedCount, responders: responders,
            partial: counts[.partial, default: 0], nonResponders: counts[.nonResponder, default: 0],
            responderRate: assessedCount == 0 ? nil : Double(responders) / Double(assessedCount) * 100,
            meanChangePoints: mean(assessed.map { (Double($0.0.points), $0.1) }),
            meanChangePercent: mean(assessed.compactMap { change, count in change.percent.map { ($0, count) } }))
    }

    static func rates(_ tally: SessionTally) -> [ObservedRate] {
        func per100(_ count: Int) -> Double? { tally.sessions == 0 ? nil : Double(count) / Double(tally.sessions) * 100 }
        func ofPatients(_ count: Int) -> Double? { tally.patients == 0 ? nil : Double(count) / Double(tally.patients) * 100 }
        let macPherson = ClinicalSources.macPherson2005.id
        return [
            ObservedRate(label: "Soreness", count: tally.sessionsWith[.soreness, default: 0], per100Sessions: per100(tally.sessionsWith[.soreness, default: 0]),
                         percentOfPatients: ofPatients(tally.patientsWithPainOrBruising),
                         published: "pain or bruising in about 30 % of patients", sourceID: macPherson),
            ObservedRate(label: "Bruising", count: tally.sessionsWith[.bruising, default: 0], per100Sessions: per100(tally.sessionsWith[.bruising, default: 0]),
                         percentOfPatients: nil, published: nil, sourceID: nil),
            ObservedRate(label: "Tiredness", count: tally.sessionsWith[.tiredness, default: 0], per100Sessions: per100(tally.sessionsWith[.tiredness, default: 0]),
                         percentOfPatients: ofPatients(tally.patientsWithTiredness),
                         published: "tiredness in about 24 % of patients", sourceID: macPherson),
            ObservedRate(label: "Needed to sleep", count: tally.sessionsWith[.neededSleep, default: 0],
                         per100Sessions: per100(tally.sessionsWith[.neededSleep, default: 0]), percentOfPatients: nil, published: nil, sourceID: nil),
            ObservedRate(label: "Adverse events", count: tally.adverseEvents, per100Sessions: per100(tally.adverseEvents),
                         percentOfPatients: ofPatients(tally.patientsWithAdverseEvent),
                         published: "any adverse event in about 8–9 % of patients", sourceID: ClinicalSources.witt2009.id),
        ]
    }

    /// The mean of values each standing for `count` courses.
    static func mean(_ values: [(value: Double, count: Int)]) -> Double? {
        let total = values.map(\.count).reduce(0, +)
        return total == 0 ? nil : values.map { $0.value * Double($0.count) }.reduce(0, +) / Double(total)
    }

    /// The responder table as CSV, one row per group, with a header.
    public var csv: String {
        func number(_ value: Double?) -> String { value.map { String(format: "%.1f", $0) } ?? "" }
        let quoted = CSV.field
        var lines = ["grouping,label,courses,assessed,responders,partial,non_responders,responder_rate_percent,mean_change_points,"
                     + "mean_change_percent,events,per_100_sessions,percent_of_patients,published"]
        let sections: [(String, [ResponderGroup])] = [("all", [overall]), ("region", byRegion), ("protocol", byProtocol), ("practitioner", byPractitioner)]
        for (grouping, groups) in sections {
            for group in groups {
                lines.append([grouping, quoted(group.label), "\(group.courses)", "\(group.assessed)", "\(group.responders)", "\(group.partial)",
                              "\(group.nonResponders)", number(group.responderRate), number(group.meanChangePoints), number(group.meanChangePercent),
                              "", "", "", ""]
                    .joined(separator: ","))
            }
        }
        for rate in rates {
            lines.append((["rate", quoted(rate.label)] + Array(repeating: "", count: 8)
                + ["\(rate.count)", number(rate.per100Sessions), number(rate.percentOfPatients), quoted(rate.published ?? "")]).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
