import Foundation

/// Which needle: a planned point on a side (and site, for points with two), or an extra needle at
/// a tender point: its area, spinal level and side on the body chart, and its place in words.
public struct NeedleKey: Hashable, Codable, Sendable, CustomStringConvertible {
    public let point: String?
    public let side: NeedleSide?
    public let site: Int?
    /// For an extra needle (ashi point): where it went, in words.
    public let location: String?
    /// For an extra needle: the area and level chosen on the chart (nil in ledgers from before they were kept).
    public let area: BodyArea?
    public let level: SpinalLevel?

    public init(point: String, side: NeedleSide, site: Int? = nil) {
        self.point = point
        self.side = side
        self.site = site
        location = nil
        area = nil
        level = nil
    }

    public init(extraAt location: String) {
        point = nil
        side = nil
        site = nil
        self.location = location
        area = nil
        level = nil
    }

    public init(at spot: BodyLocation) {
        point = nil
        side = spot.side
        site = nil
        location = spot.note.trimmingCharacters(in: .whitespacesAndNewlines)
        area = spot.area
        level = spot.level
    }

    /// The body location of an extra needle placed on the chart.
    public var bodyLocation: BodyLocation? {
        guard point == nil, let area, let side, let location else { return nil }
        return BodyLocation(area: area, level: level, side: side, note: location)
    }

    public var description: String {
        if let location {
            let place = [area?.rawValue, level?.rawValue, side?.rawValue].compactMap { $0 }.joined(separator: " ")
            return place.isEmpty ? "extra needle at \(location)" : "extra needle at \(location) (\(place))"
        }
        return [point, side?.rawValue, site.map(String.init)].compactMap { $0 }.joined(separator: " ")
    }
}

/// A practitioner's decision to needle a point a rule would leave out, with the reason; only the
/// rules that allow it (the traditional pregnancy points) can be overridden, never a depth cap.
public struct SafetyOverride: Codable, Sendable, Equatable {
    /// The ids of the rules overridden, as `rule:POINT`.
    public var findings: [String]
    public var reason: String

    public init(findings: [String], reason: String) {
        self.findings = findings
        self.reason = reason
    }
}

/// How a needle was stimulated: `manual` is gentle or even manipulation, `strong` vigorous lifting,
/// thrusting or twirling, which pregnancy and bleeding risk rule out (`GentleStimulationRule`).
public enum Stimulation: String, Codable, Sendable, CaseIterable {
    case manual, strong, electrical, none
}

/// One insertion as recorded at the chair.
public struct Insertion: Codable, Sendable, Equatable {
    public var key: NeedleKey
    public var at: Date
    public var depthMm: Int
    /// Gauge × length and material or maker, e.g. "0.25 × 40 mm, steel".
    public var needleType: String
    public var stimulation: Stimulation
    public var deQi: Bool
    /// Set when a rule was overridden for this needle, with the practitioner's reason.
    public var override: SafetyOverride?

    public init(
        key: NeedleKey, at: Date, depthMm: Int, needleType: String, stimulation: Stimulation, deQi: Bool, override: SafetyOverride? = nil
    ) {
        self.key = key
        self.at = at
        self.depthMm = depthMm
        self.needleType = needleType
        self.stimulation = stimulation
        self.deQi = deQi
        self.override = override
    }
}

/// Everything that happens to needles in a session, in order. The ledger's state is derived by
/// replaying these, so every device sees the same counts.
public enum NeedleEvent: Codable, Sendable, Equatable {
    case inserted(Insertion)
    case removed(NeedleKey, at: Date)
    /// All needles taken out at once and counted: `count` is the number counted.
    case removedAll(count: Int, at: Date)
    /// During a search for a missing needle: this many found and taken out.
    case found(count: Int, at: Date)
    /// The search is over: the needles still unaccounted for are lost, an incident.
    case declaredLost(note: String, at: Date)
    /// Two needles in the patient stimulated electrically as a pair.
    case stimulated(ElectricalPair)
    /// A tap taken back: the last needle marked in or out, soon after (`NeedleLedger.undoWindow`).
    /// The tap stays on the ledger for the record; the counts are as if it had not happened.
    case undone(at: Date)
    /// The practitioner is with the patient one to one from now (billing counts this time, not
    /// the retention: `ContactTime`).
    case contactStarted(at: Date)
    /// The practitioner has stepped away.
    case contactStopped(at: Date)

    public var at: Date {
        switch self {
        case .inserted(let insertion): insertion.at
        case .stimulated(let pair): pair.at
        case .removed(_, let at), .removedAll(_, let at), .found(_, let at), .declaredLost(_, let at), .undone(let at): at
        case .contactStarted(let at), .contactStopped(let at): at
        }
    }
}

/// Why a ledger entry was refused; nothing changes when one is.
public enum LedgerError: Error, Sendable, Equatable, CustomStringConvertible {
    case alreadyIn(NeedleKey)
    case notIn(NeedleKey)
    case countTooHigh(counted: Int, inPatient: Int)
    case noSearch
    case badDepth(Int)
    case emptyLocation
    case missingNeedleType
    case nothingToUndo
    case contactAlreadyStarted
    case noContactStarted

    public var description: String {
        switch self {
        case .contactAlreadyStarted: "contact time is already running: stop it before starting it again"
        case .noContactStarted: "contact time is not running, so it cannot be stopped"
        case .nothingToUndo:
            "nothing to undo: only the last needle marked in or out, within two minutes, can be taken back"
        case .alreadyIn(let key): "\(key) is already in"
        case .notIn(let key): "\(key) is not in the patient, so it cannot be removed"
        case .countTooHigh(let counted, let inPatient): "\(counted) counted out but only \(inPatient) are in"
        case .noSearch: "there is no search under way"
        case .badDepth(let depth): "a depth of \(depth) mm is not possible (1 to 100)"
        case .emptyLocation: "an extra needle needs its location"
        case .missingNeedleType: "the needle type (gauge × length, material or maker) is required"
        }
    }

    /// The request field the error is about.
    public var field: String {
        switch self {
        case .alreadyIn, .notIn, .emptyLocation: "point"
        case .countTooHigh: "count"
        case .noSearch: "search"
        case .badDepth: "depthMm"
        case .missingNeedleType: "needleType"
        case .nothingToUndo: "undo"
        case .contactAlreadyStarted, .noContactStarted: "contact"
        }
    }
}

/// The count of needles in and out of one patient (Clean Needle Technique: count them in,
/// count them out, and search when the counts differ).
public struct NeedleLedger: Sendable, Equatable {
    public enum State: Sendable, Equatable { case inPatient, out, lost }

    public private(set) var events: [NeedleEvent] = []
    /// Needles in insertion order with their state; a key may be needled again once out.
    public private(set) var needles: [(key: NeedleKey, state: State)] = []
    /// Set by a short bulk count; cleared when every needle is accounted for.
    public private(set) var searchOpen = false
    /// When the running period of one-to-one contact started, or nil when none runs.
    public private(set) var contactSince: Date?

    public init() {}

    public init(replaying events: [NeedleEvent]) throws(LedgerError) {
        for event in events { try apply(event) }
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.events == rhs.events }

    /// How long after a tap it may be taken back: long enough to notice a slip, short enough that
    /// the count of needles in stays what the practitioner saw.
    public static let undoWindow: TimeInterval = 120

    /// The events that count: each `undone` takes back the event before it.
    public var effectiveEvents: [NeedleEvent] {
        var kept: [NeedleEvent] = []
        for event in events {
            if case .undone = event { kept.removeLast() } else { kept.append(event) }
        }
        return kept
    }

    /// The tap that may be taken back at `now`: the last counted event, when it marked one needle
    /// in or out within the undo window.
    public func undoable(at now: Date) -> NeedleEvent? {
        guard let last = effectiveEvents.last, now.timeIntervalSince(last.at) <= Self.undoWindow else { return nil }
        switch last {
        case .inserted, .removed: return last
        default: return nil
        }
    }

    public var insertedCount: Int { effectiveEvents.filter { if case .inserted = $0 { true } else { false } }.count }
    public var inCount: Int { needles.filter { $0.state == .inPatient }.count }
    public var lostCount: Int { needles.filter { $0.state == .lost }.count }
    public var outCount: Int { needles.filter { $0.state == .out }.count }

    /// A session may close only when no needle is left in the patient.
    public var canClose: Bool { inCount == 0 }

    public func isIn(_ key: NeedleKey) -> Bool { needles.contains { $0.key == key && $0.state == .inPatient } }

    public var insertions: [Insertion] {
        effectiveEvents.compactMap { if case .inserted(let insertion) = $0 { insertion } else { nil } }
    }

    public var electricalPairs: [ElectricalPair] {
        effectiveEvents.compactMap { if case .stimulated(let pair) = $0 { pair } else { nil } }
    }

    /// Validates and records one event.
    public mutating func apply(_ event: NeedleEvent) throws(LedgerError) {
        if case .undone(let at) = event {
            guard undoable(at: at) != nil else { throw .nothingToUndo }
            // The state without the last tap: the counted events before it, replayed.
            var without = NeedleLedger()
            for earlier in effectiveEvents.dropLast() { try without.apply(earlier) }
            needles = without.needles
            searchOpen = without.searchOpen
            contactSince = without.contactSince
            events.append(event)
            return
        }
        switch event {
        case .inserted(let insertion):
            if let location = insertion.key.location, location.trimmingCharacters(in: .whitespaces).isEmpty { throw .emptyLocation }
            guard (1...100).contains(insertion.depthMm) else { throw .badDepth(insertion.depthMm) }
            guard !insertion.needleType.trimmingCharacters(in: .whitespaces).isEmpty else { throw .missingNeedleType }
            guard !isIn(insertion.key) else { throw .alreadyIn(insertion.key) }
            needles.append((insertion.key, .inPatient))
        case .removed(let key, _):
            guard let index = needles.firstIndex(where: { $0.key == key && $0.state == .inPatient }) else { throw .notIn(key) }
            needles[index].state = .out
        case .removedAll(let count, _):
            let inside = inCount
            guard count <= inside, count >= 0 else { throw .countTooHigh(counted: count, inPatient: inside) }
            takeOut(count)
            searchOpen = inCount > 0
        case .found(let count, _):
            guard searchOpen else { throw .noSearch }
            guard count >= 0, count <= inCount else { throw .countTooHigh(counted: count, inPatient: inCount) }
            takeOut(count)
        case .declaredLost:
            guard searchOpen, inCount > 0 else { throw .noSearch }
            for index in needles.indices where needles[index].state == .inPatient { needles[index].state = .lost }
        case .stimulated(let pair):
            for key in [pair.first, pair.second] where !isIn(key) { throw .notIn(key) }
        case .contactStarted(let at):
            guard contactSince == nil else { throw .contactAlreadyStarted }
            contactSince = at
        case .contactStopped:
            guard contactSince != nil else { throw .noContactStarted }
            contactSince = nil
        case .undone:
            break
        }
        if inCount == 0 { searchOpen = false }
        events.append(event)
    }

    /// Marks the first `count` needles still in as out, in the order they went in.
    private mutating func takeOut(_ count: Int) {
        var left = count
        for index in needles.indices where left > 0 && needles[index].state == .inPatient {
            needles[index].state = .out
            left -= 1
        }
    }
}
