import Foundation

/// A treatment session's note: subjective, objective, assessment, plan; with the traditional
/// Chinese medicine findings for practitioners who record them.
public struct SessionNote: Codable, Sendable, Equatable {
    public var subjective: String
    public var objective: String
    public var assessment: String
    public var plan: String
    public var tongue: String
    public var pulse: String
    public var pattern: String

    public init(
        subjective: String = "", objective: String = "", assessment: String = "", plan: String = "",
        tongue: String = "", pulse: String = "", pattern: String = ""
    ) {
        self.subjective = subjective.trimmingCharacters(in: .whitespacesAndNewlines)
        self.objective = objective.trimmingCharacters(in: .whitespacesAndNewlines)
        self.assessment = assessment.trimmingCharacters(in: .whitespacesAndNewlines)
        self.plan = plan.trimmingCharacters(in: .whitespacesAndNewlines)
        self.tongue = tongue.trimmingCharacters(in: .whitespacesAndNewlines)
        self.pulse = pulse.trimmingCharacters(in: .whitespacesAndNewlines)
        self.pattern = pattern.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public static let sectionLimit = 5000
    public static let tcmLimit = 500

    /// The four SOAP sections in order, with their titles, for pages and exports.
    public var sections: [(title: String, text: String)] {
        [("Subjective", subjective), ("Objective", objective), ("Assessment", assessment), ("Plan", plan)]
    }

    public var traditionalFindings: [(title: String, text: String)] {
        [("Tongue", tongue), ("Pulse", pulse), ("Pattern", pattern)].filter { !$0.1.isEmpty }
    }

    public func validate() throws(ValidationError) {
        var errors = FieldErrorCollector()
        errors.check(!(subjective + objective + assessment + plan).isEmpty, "subjective", "a note needs at least one of subjective, objective, assessment, plan")
        for (field, text) in [("subjective", subjective), ("objective", objective), ("assessment", assessment), ("plan", plan)] {
            errors.check(text.count <= Self.sectionLimit, field, "must be at most \(Self.sectionLimit) characters")
        }
        for (field, text) in [("tongue", tongue), ("pulse", pulse), ("pattern", pattern)] {
            errors.check(text.count <= Self.tcmLimit, field, "must be at most \(Self.tcmLimit) characters")
        }
        try errors.throwIfAny()
    }
}
