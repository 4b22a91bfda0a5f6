/// The three parts of the back a patient can point to, as the practitioner records them.
///
/// The split follows the spinal levels: upper ≈ T1–T6 with the scapular points, middle ≈ T7–T12,
/// lower ≈ L1 to the sacrum with the buttock (CLINICAL.md §2).
public enum BackRegion: String, Codable, Sendable, CaseIterable, Comparable {
    case upper, middle, lower

    public var levels: ClosedRange<SpinalLevel> {
        switch self {
        case .upper: .T1 ... .T6
        case .middle: .T7 ... .T12
        case .lower: .L1 ... .S4
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Which side of the back hurts.
public enum PainSide: String, Codable, Sendable, CaseIterable {
    case left, right, both, midline
}

/// How long the pain has lasted: acute under 6 weeks, subacute 6–12 weeks, chronic beyond 12.
public enum Onset: String, Codable, Sendable, CaseIterable {
    case acute, subacute, chronic
}
