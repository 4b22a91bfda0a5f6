import Foundation

/// What a patient may notice at once when the needles come out.
public enum ImmediateReaction: String, Codable, Sendable, CaseIterable {
    case faintness, bleeding, pain, bruising, drowsiness
}

/// The advice every patient is given after a session (seed; CLINICAL.md §5).
public enum AfterCareAdvice {
    public static let standard = "Soreness some hours later and tiredness are common and pass within a day. Do not drive if you feel drowsy. Call the clinic if you feel short of breath, have chest pain or a fever."
}

/// A treatment given beside the needles in a session (STRICTA 4a), or what the patient was told
/// and asked to do (4b).
public enum AdjunctKind: String, Codable, Sendable, CaseIterable {
    case moxibustion, cupping, heatLamp, advice, exercises
}

/// One adjunct treatment of a session, with what was done ("cups on both sides of L3, 5 minutes").
public struct SessionAdjunct: Codable, Sendable, Equatable {
    public var kind: AdjunctKind
    public var detail: String

    public init(kind: AdjunctKind, detail: String) {
        self.kind = kind
        self.detail = detail
    }

    public static let detailLimit = 500
}

/// How adjuncts are named in reports and on pages.
public enum AdjunctWords {
    public static func name(_ kind: AdjunctKind) -> String {
        switch kind {
        case .moxibustion: "Moxibustion"
        case .cupping: "Cupping"
        case .heatLamp: "Heat lamp"
        case .advice: "Advice"
        case .exercises: "Exercises"
        }
    }
}

/// What is recorded when a session ends.
public struct SessionClosing: Codable, Sendable, Equatable {
    public var painAfter: Int
    public var reactions: [ImmediateReaction]
    public var adviceGiven: Bool
    /// Needed when the needles stayed in for less than 10 or more than 20 minutes.
    public var removalReason: String?
    /// Moxibustion, cupping, heat, advice or exercises given in the session.
    public var adjuncts: [SessionAdjunct]

    public init(
        painAfter: Int, reactions: [ImmediateReaction] = [], adviceGiven: Bool = true, removalReason: String? = nil,
        adjuncts: [SessionAdjunct] = []
    ) {
        self.painAfter = painAfter
        self.reactions = reactions
        self.adviceGiven = adviceGiven
        self.removalReason = removalReason
        self.adjuncts = adjuncts
    }

    enum CodingKeys: String, CodingKey { case painAfter, reactions, adviceGiven, removalReason, adjuncts }

    /// Closings kept before adjuncts were recorded have none.
    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        painAfter = try values.decode(Int.self, forKey: .painAfter)
        reactions = try values.decode([ImmediateReaction].self, forKey: .reactions)
        adviceGiven = try values.decode(Bool.self, forKey: .adviceGiven)
        removalReason = try values.decodeIfPresent(String.self, forKey: .removalReason)
        adjuncts = try values.decodeIfPresent([SessionAdjunct].self, forKey: .adjuncts) ?? []
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
        let takenBack = if case .undone(let at) = event { ledger.undoable(at: at) } else { NeedleEvent?.none }
        try ledger.apply(event)
        // Taking back the needle that completed the plan takes back the timer it started.
        if case .inserted(let insertion)? = takenBack, timer.startedAt == insertion.at, !allPlannedInserted {
            timer.startedAt = nil
        }
        if case .inserted(let insertion) = event, !timer.isRunning, allPlannedInserted {
            timer.startedAt = insertion.at
        }
    }

    /// When the last needle came out after the timer started: the retention is over and the
    /// countdown stops there. Nil while a needle is in (or the search for one is open), so a needle
    /// put back in has the countdown running again towards the same end.
    public var allOutAt: Date? {
        guard let start = timer.startedAt, ledger.inCount == 0 else { return nil }
        return ledger.effectiveEvents.last { event in
            switch event {
            case .removed, .removedAll, .found, .declaredLost: event.at >= start
            default: false
            }
        }?.at
    }

    /// The countdown runs from the timer's start until every needle is out.
    public var timerIsCounting: Bool { timer.isRunning && allOutAt == nil }

    /// When the needles started coming out (the first removal after the timer started).
    public var removalStartedAt: Date? {
        guard let start = timer.startedAt else { return nil }
        return ledger.effectiveEvents.first { event in
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
        for (index, adjunct) in closing.adjuncts.enumerated() {
            let detail = adjunct.detail.trimmingCharacters(in: .whitespacesAndNewlines)
            errors.check(
                !detail.isEmpty && detail.count <= SessionAdjunct.detailLimit, "adjuncts[\(index)].detail",
                "must say what was done (\(adjunct.kind.rawValue)), at most \(SessionAdjunct.detailLimit) characters")
        }
        errors.check(
            Set(closing.adjuncts.map(\.kind)).count == closing.adjuncts.count, "adjuncts", "must list each kind once; put everything about it in its detail")
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
