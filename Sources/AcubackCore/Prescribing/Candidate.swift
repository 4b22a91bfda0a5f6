/// A point the engine would like in the plan, on one or more sides, before the needle budget and
/// the safety rules have had their say.
struct Candidate: Sendable {
    var point: String
    var sides: [NeedleSide]
    var role: NeedleRole
    var reason: String
    var sources: [String]
    /// Lower goes in first when the budget is tight.
    var priority: Int

    enum Priority {
        static let local = 0
        static let distal = 1
        static let radiating = 2
        static let auricular = 3
        static let adjacent = 4
        static let lateral = 5
        static let regional = 6
        static let outerReach = 7
        static let furtherOut = 8
    }
}
