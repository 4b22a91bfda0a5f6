import Foundation

/// How long the needles stay in. Server time is the truth: every device computes the same
/// countdown from the stored start.
public struct RetentionTimer: Sendable, Equatable, Codable {
    /// Below this, or above the maximum, taking the needles out needs a reason (seed: 10 to 20 minutes).
    public static let minimumMinutes = 10
    public static let maximumMinutes = 20

    public var targetMinutes: Int
    public var startedAt: Date?

    public init(targetMinutes: Int, startedAt: Date? = nil) {
        self.targetMinutes = min(max(targetMinutes, Self.minimumMinutes), Self.maximumMinutes)
        self.startedAt = startedAt
    }

    public var isRunning: Bool { startedAt != nil }

    public var endsAt: Date? { startedAt?.addingTimeInterval(Double(targetMinutes) * 60) }

    /// Seconds left (negative once past the target), or nil before the timer starts.
    public func remaining(at now: Date) -> TimeInterval? {
        endsAt.map { $0.timeIntervalSince(now) }
    }

    /// True from the target on (to the second): the moment to alert the practitioner.
    public func isDue(at now: Date) -> Bool { (remaining(at: now)?.rounded() ?? 1) <= 0 }

    public func elapsedMinutes(at now: Date) -> Double? {
        startedAt.map { now.timeIntervalSince($0) / 60 }
    }

    /// Why a removal at `now` would need a reason, or nil when it is within 10 to 20 minutes.
    /// Compared in whole seconds, so a removal at exactly 20:00 is on time.
    public func removalNeedsReason(at now: Date) -> String? {
        guard let start = startedAt else { return nil }
        let seconds = Int(now.timeIntervalSince(start).rounded())
        if seconds < Self.minimumMinutes * 60 { return "the needles were in for \(seconds / 60) minutes, under the minimum \(Self.minimumMinutes)" }
        if seconds > Self.maximumMinutes * 60 { return "the needles were in for \(seconds / 60) minutes, over the maximum \(Self.maximumMinutes)" }
        return nil
    }
}
