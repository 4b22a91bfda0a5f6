import AcubackServices
import AcubackCore
import Foundation

/// A session as the API and the chair page's script see it: counts, the timer by the server's
/// clock, each needle's state, and the ledger.
struct SessionBody: Encodable {
    struct Counts: Encodable {
        let planned, inserted, `in`, out, lost: Int
    }

    struct Timer: Encodable {
        let targetMinutes: Int
        let running: Bool
        let startedAt: Date?
        let endsAt: Date?
        let remainingSeconds: Int?
        let due: Bool
    }

    struct Needle: Encodable {
        let point: String?
        let side: NeedleSide?
        let site: Int?
        let location: String?
        let area: BodyArea?
        let level: SpinalLevel?
        let role: NeedleRole?
        let maxDepthMm: Int?
        let planned: Bool
        let label: String
        let state: String
    }

    struct Closing: Encodable {
        let painAfter: Int
        let reactions: [ImmediateReaction]
        let adviceGiven: Bool
        let removalReason: String?
        let adjuncts: [SessionAdjunct]
    }

    let id, patientId, patientName, practitionerId, practitionerName, appointmentId, planId: String
    let status: String
    let position: TreatmentPosition
    let painBefore: Int
    let startedAt: Date
    let closedAt: Date?
    let offDayReason: String?
    let serverTime: Date
    let counts: Counts
    let searchOpen: Bool
    let canClose: Bool
    let timer: Timer
    let needles: [Needle]
    let ledger: [LedgerEntry]
    let closing: Closing?
    let advice: String

    init(_ record: TreatmentSessionRecord, now: Date) {
        let chair = record.chair
        let ledger = chair.ledger
        id = record.id.uuidString
        patientId = record.patientID.uuidString
        patientName = record.patientName
        practitionerId = record.practitionerID.uuidString
        practitionerName = record.practitionerName
        appointmentId = record.appointmentID.uuidString
        planId = record.planID.uuidString
        status = record.isOpen ? "open" : "closed"
        position = record.position
        painBefore = record.painBefore
        startedAt = record.startedAt
        closedAt = record.closedAt
        offDayReason = record.offDayReason
        serverTime = now
        counts = Counts(planned: chair.planned.count, inserted: ledger.insertedCount, in: ledger.inCount, out: ledger.outCount, lost: ledger.lostCount)
        searchOpen = ledger.searchOpen
        canClose = ledger.canClose
        // The countdown stopped when the last needle came out (a closed session's when they started coming out).
        let clock = chair.allOutAt ?? record.closedAt.flatMap { _ in chair.removalStartedAt } ?? now
        timer = Timer(
            targetMinutes: chair.timer.targetMinutes, running: chair.timerIsCounting, startedAt: chair.timer.startedAt,
            endsAt: chair.timer.endsAt, remainingSeconds: chair.timer.remaining(at: clock).map { Int($0.rounded()) },
            due: chair.timer.isDue(at: clock))
        needles = SessionNeedles.list(chair)
        self.ledger = ledger.events.map(LedgerEntry.init)
        closing = record.closing.map {
            Closing(painAfter: $0.painAfter, reactions: $0.reactions, adviceGiven: $0.adviceGiven, removalReason: $0.removalReason, adjuncts: $0.adjuncts)
        }
        advice = AfterCareAdvice.standard
    }
}

/// The planned needles in plan order, then extra needles, each with its latest state.
enum SessionNeedles {
    /// Each needle's latest state by its key: waiting, in, out or lost.
    static func states(_ chair: ChairSession) -> (NeedleKey) -> String {
        let states = Dictionary(chair.ledger.needles.map { ($0.key, $0.state) }, uniquingKeysWith: { _, latest in latest })
        return { key in
            switch states[key] {
            case .inPatient?: "in"
            case .out?: "out"
            case .lost?: "lost"
            case nil: "waiting"
            }
        }
    }

    /// The needles put in that the plan did not have, in the order they first went in.
    static func extraKeys(_ chair: ChairSession) -> [NeedleKey] {
        let plannedKeys = Set(chair.plannedKeys)
        var seen = Set<NeedleKey>()
        return chair.ledger.needles.map(\.key).filter { !plannedKeys.contains($0) && seen.insert($0).inserted }
    }

    static func list(_ chair: ChairSession) -> [SessionBody.Needle] {
        let state = states(chair)
        let planned = chair.planned.map { needle in
            let key = NeedleKey(point: needle.point, side: needle.side, site: needle.site)
            return SessionBody.Needle(
                point: needle.point, side: needle.side, site: needle.site, location: nil, area: nil, level: nil, role: needle.role,
                maxDepthMm: needle.maxDepthMm,
                planned: true, label: needle.key, state: state(key))
        }
        let extra = extraKeys(chair).map { key in
            SessionBody.Needle(
                point: key.point, side: key.side, site: key.site, location: key.location, area: key.area, level: key.level, role: nil,
                maxDepthMm: nil, planned: false,
                label: key.description, state: state(key))
        }
        return planned + extra
    }
}

/// One ledger event, flattened for JSON.
struct LedgerEntry: Encodable {
    let kind: String
    let at: Date
    var point: String?
    var side: NeedleSide?
    var site: Int?
    var location: String?
    var area: BodyArea?
    var level: SpinalLevel?
    var depthMm: Int?
    var needleType: String?
    var stimulation: Stimulation?
    var deQi: Bool?
    var count: Int?
    var note: String?
    var overridden: [String]?
    var overrideReason: String?
    var electricalPair: ElectricalPairBody?

    init(_ event: NeedleEvent) {
        at = event.at
        switch event {
        case .inserted(let insertion):
            kind = "inserted"
            (point, side, site, location) = (insertion.key.point, insertion.key.side, insertion.key.site, insertion.key.location)
            (area, level) = (insertion.key.area, insertion.key.level)
            (depthMm, needleType, stimulation, deQi) = (insertion.depthMm, insertion.needleType, insertion.stimulation, insertion.deQi)
            (overridden, overrideReason) = (insertion.override?.findings, insertion.override?.reason)
        case .removed(let key, _):
            kind = "removed"
            (point, side, site, location, area, level) = (key.point, key.side, key.site, key.location, key.area, key.level)
        case .removedAll(let count, _):
            kind = "removed-all"
            self.count = count
        case .found(let count, _):
            kind = "found"
            self.count = count
        case .declaredLost(let note, _):
            kind = "declared-lost"
            self.note = note
        case .stimulated(let pair):
            kind = "stimulated"
            electricalPair = ElectricalPairBody(pair)
        case .undone:
            kind = "undone"
        }
    }
}

/// An electroacupuncture pair, for JSON.
struct ElectricalPairBody: Encodable {
    struct End: Encodable {
        let point: String?
        let side: NeedleSide?
        let site: Int?
        let location: String?
        let area: BodyArea?
        let level: SpinalLevel?

        init(_ key: NeedleKey) {
            (point, side, site, location, area, level) = (key.point, key.side, key.site, key.location, key.area, key.level)
        }
    }

    let first, second: End
    let frequencyHz: Double
    let waveform: Waveform
    let intensityMa: Double?
    let durationMinutes: Int

    init(_ pair: ElectricalPair) {
        first = End(pair.first)
        second = End(pair.second)
        frequencyHz = pair.frequencyHz
        waveform = pair.waveform
        intensityMa = pair.intensityMa
        durationMinutes = pair.durationMinutes
    }
}

struct SavedPlanBody: Encodable {
    let id, patientId, practitionerId: String
    let createdAt: Date
    let plan: TreatmentPlan

    init(_ saved: SavedPlan) {
        id = saved.id.uuidString
        patientId = saved.patientID.uuidString
        practitionerId = saved.practitionerID.uuidString
        createdAt = saved.createdAt
        plan = saved.plan
    }
}
