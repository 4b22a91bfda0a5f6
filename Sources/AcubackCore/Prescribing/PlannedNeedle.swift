/// The side of the body a needle goes in; midline points have no side.
public enum NeedleSide: String, Codable, Sendable, CaseIterable, Comparable {
    case left, right, midline

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    public var opposite: NeedleSide {
        switch self {
        case .left: .right
        case .right: .left
        case .midline: .midline
        }
    }
}

extension NeedleSide: NamedChoice {
    public init(from decoder: any Decoder) throws { self = try Self.decodeChoice(from: decoder) }
}

/// Why a needle is in the plan: at the painful site, radiating out from it, far from it, or in the ear.
public enum NeedleRole: String, Codable, Sendable, CaseIterable, Comparable {
    case local, adjacent, distal, auricular

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

extension NeedleRole: NamedChoice {
    public init(from decoder: any Decoder) throws { self = try Self.decodeChoice(from: decoder) }
}

/// Who put a needle in the plan. The engine adjusts its own needles to the safety rules; a
/// practitioner's needle is kept as given, and a rule it breaks blocks the plan until changed.
public enum NeedleOrigin: String, Codable, Sendable {
    case engine, practitioner
}

/// One needle of a plan: one insertion at one point on one side.
public struct PlannedNeedle: Codable, Sendable, Hashable {
    public var point: String
    public var side: NeedleSide
    /// Which of a point's sites on that side (EX-UE7 has two on each hand); nil for single-site points.
    public var site: Int?
    public var role: NeedleRole
    public var maxDepthMm: Int
    public var angle: NeedleAngle
    public var reason: String
    public var sources: [String]
    public var origin: NeedleOrigin
    /// True when the practitioner set the depth by hand: it is then kept, and a depth beyond a
    /// safety limit blocks the plan instead of being lowered quietly.
    public var depthSetByPractitioner: Bool

    public init(
        point: String, side: NeedleSide, site: Int? = nil, role: NeedleRole, maxDepthMm: Int, angle: NeedleAngle,
        reason: String, sources: [String], origin: NeedleOrigin = .engine, depthSetByPractitioner: Bool = false
    ) {
        self.point = point
        self.side = side
        self.site = site
        self.role = role
        self.maxDepthMm = maxDepthMm
        self.angle = angle
        self.reason = reason
        self.sources = sources
        self.origin = origin
        self.depthSetByPractitioner = depthSetByPractitioner
    }

    /// Identifies the needle within a plan: "BL23 left", "EX-UE7 right 2".
    public var key: String {
        [point, side.rawValue, site.map(String.init)].compactMap { $0 }.joined(separator: " ")
    }
}
