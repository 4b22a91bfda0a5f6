/// Which pain rating a comparison used.
public enum PainScale: String, Codable, Sendable {
    case averageWeek = "average-week"
    case now

    public var title: String {
        switch self {
        case .averageWeek: "average pain over the last week"
        case .now: "pain now"
        }
    }

    func value(in measures: OutcomeMeasures) -> Int? {
        switch self {
        case .averageWeek: measures.painAverageWeek
        case .now: measures.painNow
        }
    }
}

/// Pain at the baseline and later, on the same scale. Positive changes mean less pain.
public struct PainChange: Codable, Sendable, Equatable {
    public let scale: PainScale
    public let baseline: Int
    public let current: Int

    public init(scale: PainScale, baseline: Int, current: Int) {
        self.scale = scale
        self.baseline = baseline
        self.current = current
    }

    /// Compares on the average over the last week when both sets have it, otherwise on pain now:
    /// the trials judged the course on the week's average, but a clinic may only ask about today.
    public static func between(baseline: OutcomeMeasures, current: OutcomeMeasures) -> PainChange? {
        for scale in [PainScale.averageWeek, .now] {
            if let before = scale.value(in: baseline), let after = scale.value(in: current) {
                return PainChange(scale: scale, baseline: before, current: after)
            }
        }
        return nil
    }

    /// Points less pain than at the baseline.
    public var points: Int { baseline - current }

    /// Percent less pain than at the baseline; `nil` when there was no pain to begin with.
    public var percent: Double? { baseline > 0 ? Double(points) / Double(baseline) * 100 : nil }
}
