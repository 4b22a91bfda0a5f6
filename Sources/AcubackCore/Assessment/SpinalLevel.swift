/// A vertebral level from C7 to S4, ordered top to bottom.
///
/// Back points are named by the level of the spinous process they sit beside
/// (WHO 2008 locations; CLINICAL.md §2 level table).
public enum SpinalLevel: String, Codable, Sendable, CaseIterable, Comparable {
    case C7
    case T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12
    case L1, L2, L3, L4, L5
    case S1, S2, S3, S4

    /// Position from the top, C7 = 0. (Not `Strideable`: its default `==` would be defined through
    /// `distance(to:)`, which is defined through this.)
    public var ordinal: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.ordinal < rhs.ordinal }

    /// The level `n` steps further down (negative: up), stopping at C7 and S4.
    public func advanced(by n: Int) -> Self {
        let cases = Self.allCases
        let index = min(max(ordinal + n, 0), cases.count - 1)
        return cases[index]
    }

    /// The region of the back this level belongs to; C7 counts with the upper back.
    public var region: BackRegion {
        switch self {
        case .C7: .upper
        default: BackRegion.allCases.first { $0.levels.contains(self) }!
        }
    }
}
