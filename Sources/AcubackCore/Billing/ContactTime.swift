import Foundation

/// The practitioner's one-to-one time with the patient in a session, and the re-insertions, as
/// the chair recorded them. Billing counts these and never the retention: needles left in while
/// the practitioner is away are not personal contact.
public struct ContactTime: Sendable, Equatable {
    public var periods: [DateInterval]
    /// When each new set of needles went in after needles had come out (one entry per set).
    public var reinsertions: [Date]
    /// Whether any pair of needles was stimulated electrically.
    public var electrical: Bool

    public init(periods: [DateInterval], reinsertions: [Date] = [], electrical: Bool = false) {
        self.periods = periods
        self.reinsertions = reinsertions
        self.electrical = electrical
    }

    /// Reads a ledger. A period still running when the session closed ends at `closedAt`.
    public init(_ ledger: NeedleLedger, closedAt: Date) {
        var periods: [DateInterval] = []
        var since: Date?
        var reinsertions: [Date] = []
        var removedSinceLastSet = false
        var insertingSet = false
        for event in ledger.effectiveEvents {
            switch event {
            case .contactStarted(let at): since = at
            case .contactStopped(let at):
                if let start = since { periods.append(DateInterval(start: start, end: max(start, at))) }
                since = nil
            case .inserted(let insertion):
                // Needles inserted one after another form one set; a set after a removal is a re-insertion.
                if removedSinceLastSet && !insertingSet { reinsertions.append(insertion.at) }
                insertingSet = true
                removedSinceLastSet = false
            case .removed, .removedAll, .found:
                removedSinceLastSet = true
                insertingSet = false
            default: break
            }
        }
        if let start = since { periods.append(DateInterval(start: start, end: max(start, closedAt))) }
        self.init(periods: periods, reinsertions: reinsertions, electrical: !ledger.electricalPairs.isEmpty)
    }

    /// Whole minutes of contact, summed over the periods (seconds past the last whole minute do
    /// not count, so a unit is never billed on a part-minute).
    public var minutes: Int { Int(periods.reduce(0) { $0 + $1.duration } / 60) }
}
