import Foundation

/// When in a course a set of measures was taken.
public enum MeasureTimepoint: String, Codable, Sendable, CaseIterable {
    /// Before the first treatment: what every later measure is compared with.
    case baseline
    /// At a treatment session.
    case session
    /// At a course review.
    case review
    /// At the end of the course, or a follow-up after it.
    case followUp = "follow-up"
}

/// Questionnaires the clinic must license and enable. Only the total score is stored; no item
/// text is shipped.
public enum Instrument: String, Codable, Sendable, CaseIterable {
    case rolandMorris = "roland-morris"
    case oswestry

    public var range: ClosedRange<Int> {
        switch self {
        case .rolandMorris: 0...24
        case .oswestry: 0...100
        }
    }

    /// The smallest change that matters to a patient (Ostelo 2008).
    public var importantChange: Int {
        switch self {
        case .rolandMorris: 5
        case .oswestry: 10
        }
    }

    public var title: String {
        switch self {
        case .rolandMorris: "Roland-Morris (0–24)"
        case .oswestry: "Oswestry (0–100 %)"
        }
    }
}

/// One activity the patient finds hard, scored 0 (cannot do it) to 10 (as before the problem).
public struct FunctionActivity: Codable, Sendable, Equatable {
    public var activity: String
    public var score: Int

    public init(activity: String, score: Int) {
        self.activity = activity
        self.score = score
    }
}

/// The measures taken at one moment of a course. Every field is optional, but a set holds at
/// least one; pain is on the 0–10 numeric rating scale, higher is worse.
public struct OutcomeMeasures: Codable, Sendable, Equatable {
    public var painNow: Int?
    public var painAverageWeek: Int?
    public var painWorst: Int?
    /// Patient-Specific Functional Scale: up to five activities the patient names.
    public var function: [FunctionActivity]?
    /// Fingertip-to-floor distance bending forward, cm; smaller is better.
    public var fingertipToFloorCm: Double?
    /// Modified Schober: how far 15 cm of skin over the lumbar spine lengthens on bending, cm;
    /// larger is better.
    public var schoberCm: Double?
    /// Swelling at the site, graded by the practitioner: 0 none, 1 mild, 2 moderate, 3 marked.
    public var swellingGrade: Int?
    public var rolandMorris: Int?
    public var oswestry: Int?

    public init(
        painNow: Int? = nil, painAverageWeek: Int? = nil, painWorst: Int? = nil, function: [FunctionActivity]? = nil,
        fingertipToFloorCm: Double? = nil, schoberCm: Double? = nil, swellingGrade: Int? = nil,
        rolandMorris: Int? = nil, oswestry: Int? = nil
    ) {
        self.painNow = painNow
        self.painAverageWeek = painAverageWeek
        self.painWorst = painWorst
        self.function = function
        self.fingertipToFloorCm = fingertipToFloorCm
        self.schoberCm = schoberCm
        self.swellingGrade = swellingGrade
        self.rolandMorris = rolandMorris
        self.oswestry = oswestry
    }

    /// The Patient-Specific Functional Scale score: the mean of the activity scores, 0–10.
    public var functionScore: Double? {
        guard let function, !function.isEmpty else { return nil }
        return Double(function.map(\.score).reduce(0, +)) / Double(function.count)
    }

    public func score(_ instrument: Instrument) -> Int? {
        switch instrument {
        case .rolandMorris: rolandMorris
        case .oswestry: oswestry
        }
    }

    public var isEmpty: Bool {
        painNow == nil && painAverageWeek == nil && painWorst == nil && functionScore == nil && fingertipToFloorCm == nil
            && schoberCm == nil && swellingGrade == nil && rolandMorris == nil && oswestry == nil
    }

    /// Checks every range; a questionnaire score is refused unless the clinic has enabled it.
    public func validate(enabled: Set<Instrument>) throws(ValidationError) {
        var errors = FieldErrorCollector()
        for (field, value) in [("painNow", painNow), ("painAverageWeek", painAverageWeek), ("painWorst", painWorst)] {
            if let value { errors.check((0...10).contains(value), field, "must be from 0 to 10 on the numeric rating scale") }
        }
        if let function {
            errors.check((1...5).contains(function.count), "function", "must name from 1 to 5 activities")
            for (index, item) in function.enumerated() {
                let name = item.activity.trimmingCharacters(in: .whitespacesAndNewlines)
                errors.check(!name.isEmpty && name.count <= 80, "function[\(index)].activity", "must be from 1 to 80 characters")
                errors.check((0...10).contains(item.score), "function[\(index)].score", "must be from 0 (unable) to 10 (as before)")
            }
        }
        if let fingertipToFloorCm {
            errors.check((0...80).contains(fingertipToFloorCm), "fingertipToFloorCm", "must be from 0 to 80 cm")
        }
        if let schoberCm { errors.check((0...15).contains(schoberCm), "schoberCm", "must be from 0 to 15 cm") }
        if let swellingGrade { errors.check((0...3).contains(swellingGrade), "swellingGrade", "must be from 0 (none) to 3 (marked)") }
        for instrument in Instrument.allCases {
            guard let value = score(instrument) else { continue }
            let field = instrument == .rolandMorris ? "rolandMorris" : "oswestry"
            if !enabled.contains(instrument) {
                errors.add(field, "is not enabled by this clinic (the clinic's owner enables licensed questionnaires)")
            } else {
                errors.check(instrument.range.contains(value), field, "must be from \(instrument.range.lowerBound) to \(instrument.range.upperBound)")
            }
        }
        if errors.errors.isEmpty && isEmpty {
            errors.add("measures", "must hold at least one measure")
        }
        try errors.throwIfAny()
    }
}
