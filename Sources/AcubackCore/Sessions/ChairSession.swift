import Foundation

/// What a patient may notice at once when the needles come out.
public enum ImmediateReaction: String, Codable, Sendable, CaseIterable {
    case faintness, bleeding, pain, bruising, drowsiness
}

/// The advice every patient is given after a session (seed; CLINICAL.md §5).
public enum AfterCareAdvice {
    public static let standard = "Soreness some hours later and tiredness are common and pass within a day. Do not drive if you feel drowsy. Call the clinic if you feel short of breath, have chest pain or a fever."
}

/// What is recorded when a session ends.
public struct SessionClosing: Codable, Sendable, Equatable {
    public var painAfter: Int
    public var reactions: [ImmediateReaction]
    public var adviceGiven: Bool
    /// Needed when the needles stayed in for less than 10 or more than 20 minutes.
    public var removalReason: String?

    public init(painAfter: Int, reactions: [ImmediateReaction] = [], adviceGiven: Bool = true, removalReason: String? = nil) {
        self.painAfter = painAfter
        self.reactions = reactions
        self.adviceGiven = adviceGiven
        self.removalReason = removalReason
    }
}

/// A treatment session at the chair: the plan as it was, the needles in and out, the timer.
public struct ChairSession: Sendable, Equatable {
    public let planned: [PlannedNeedle]
    public var ledger: NeedleLedger
    public var timer: RetentionTimer

    public init(planned: [PlannedNeedle], ledger: NeedleLedger = NeedleLedger(), timer: RetentionTimer) {
        self.planned = planned
        self.ledger = ledger
        self.timer = timer
    }

    public var plannedKeys: [NeedleKey] { planned.map { NeedleKey(point: $0.point, side: $0.side, site: $0.site) } }

    /// True once every planned needle has gone in: the moment the retention timer starts by itself.
    public var allPlannedInserted: Bool {
        let inserted = Set(ledger.insertions.map(\.key))
        return !planned.isEmpty && plannedKeys.allSatisfy(inserted.contains)
    }

    /// Records a needle event, and starts the timer when it completes the plan.
    public mutating func record(_ event: NeedleEvent) throws(LedgerError) {
        try ledger.apply(event)
        if case .inserted(let insertion) = event, !timer.isRunning, allPlannedInserted {
            timer.startedAt = insertion.at
        }
    }

    /// When the needles started coming out (the first removal after the timer started).
    public var removalStartedAt: Date? {
        guard let start = timer.startedAt else { return nil }
        return ledger.events.first { event in
            switch event {
            case .removed, .removedAll: return event.at >= start
            default: return false
            }
        }?.at
    }

    /// Checks a closing: no needle left in, pain on the scale, a reason when the retention was
    /// outside 10 to 20 minutes.
    public func validate(_ closing: SessionClosing) throws(ValidationError) {
        var errors = FieldErrorCollector()
        errors.check(
            ledger.canClose, "needles",
            "\(ledger.inCount) needle(s) are still in: remove them, or search and record what was found or lost")
        errors.check((0...10).contains(closing.painAfter), "painAfter", "must be from 0 to 10")
        if let removal = removalStartedAt, let why = timer.removalNeedsReason(at: removal) {
            errors.check(
                !(closing.removalReason ?? "").trimmingCharacters(in: .whitespaces).isEmpty, "removalReason",
                "is required because \(why)")
        }
        try errors.throwIfAny()
    }
}

/// How the patient felt a day or two after a session.
public struct CheckIn: Codable, Sendable, Equatable {
    public var soreness: Int
    /// Hours after the session the soreness started, when there was any.
    public var sorenessHoursAfter: Int?
    public var tiredness: Bool
    public var neededSleep: Bool
    public var bruising: Bool
    /// Warning signs of a pneumothorax after needling over the chest wall.
    public var breathlessness: Bool
    public var other: String
    /// Marked serious by the person entering it.
    public var markedSerious: Bool

    public init(
        soreness: Int, sorenessHoursAfter: Int? = nil, tiredness: Bool = false, neededSleep: Bool = false, bruising: Bool = false,
        breathlessness: Bool = false, other: String = "", markedSerious: Bool = false
    ) {
        self.soreness = soreness
        self.sorenessHoursAfter = sorenessHoursAfter
        self.tiredness = tiredness
        self.neededSleep = neededSleep
        self.bruising = bruising
        self.breathlessness = breathlessness
        self.other = other
        self.markedSerious = markedSerious
    }

    /// Serious events are flagged for the clinic: breathlessness after needling, severe soreness,
    /// or whatever the person entering it marked.
    public var isSerious: Bool { markedSerious || breathlessness || soreness >= 8 }

    public func validate() throws(ValidationError) {
        var errors = FieldErrorCollector()
        errors.check((0...10).contains(soreness), "soreness", "must be from 0 to 10")
        if let hours = sorenessHoursAfter { errors.check((0...72).contains(hours), "sorenessHoursAfter", "must be from 0 to 72 hours") }
        errors.check(other.count <= 2000, "other", "must be at most 2000 characters")
        try errors.throwIfAny()
    }
}
