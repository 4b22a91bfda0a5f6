/// What the rules say about one point on one side for one patient.
public struct PointVerdict: Sendable {
    /// Reasons the point must not be needled (without a resolution yet).
    public var blocks: [Finding] = []
    /// The deepest a needle here may go, when a rule limits it.
    public var depthCap: Int?
    /// Warnings explaining the depth limit.
    public var capFindings: [Finding] = []
    /// Other warnings that do not change the needle.
    public var cautions: [Finding] = []

    public var isBlocked: Bool { !blocks.isEmpty }

    mutating func cap(at millimetres: Int, _ finding: Finding) {
        depthCap = Swift.min(depthCap ?? .max, millimetres)
        capFindings.append(finding)
    }
}

/// A rule about individual needles, at a catalogue point or a tender point (lung depth, pregnancy
/// points, broken skin, …).
protocol PointRule: Sendable {
    func assess(_ spot: NeedleSpot, for assessment: Assessment, into verdict: inout PointVerdict)
}

/// A rule about the treatment as a whole (bleeding, implanted devices, fainting, …).
protocol PlanRule: Sendable {
    func findings(for assessment: Assessment) -> [Finding]
}
