/// How serious a safety finding is.
public enum Severity: String, Codable, Sendable, CaseIterable, Comparable {
    /// For information; nothing to do.
    case info
    /// Must be acknowledged by name before the plan is used.
    case warn
    /// The point, or the whole treatment, must not go ahead as planned.
    case block

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// What a safety rule found about a plan, with the rule that found it and its source.
public struct Finding: Codable, Sendable, Hashable {
    public var severity: Severity
    /// A stable rule id such as `lung.depth-cap`.
    public var rule: String
    /// The point it concerns, or nil for the whole plan.
    public var point: String?
    public var message: String
    /// Id of the published source (see `ClinicalSources`).
    public var source: String
    /// What was done about it: "replaced by SI3", "depth capped at 10 mm". Nil on a block means
    /// it is unresolved and the plan cannot be used.
    public var resolution: String?

    public init(severity: Severity, rule: String, point: String? = nil, message: String, source: String, resolution: String? = nil) {
        self.severity = severity
        self.rule = rule
        self.point = point
        self.message = message
        self.source = source
        self.resolution = resolution
    }

    /// The name a practitioner acknowledges it by: `rule` or `rule:POINT`.
    public var id: String { point.map { "\(rule):\($0)" } ?? rule }

    public var isUnresolvedBlock: Bool { severity == .block && resolution == nil }

    /// Warnings, and blocks the engine worked around, must be acknowledged before use.
    public var needsAcknowledgement: Bool {
        severity == .warn || (severity == .block && resolution != nil)
    }
}
