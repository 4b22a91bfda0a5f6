import AcubackServices
import AcubackCore
import Foundation

/// The chair template's values for one session: the chart with each needle's state, the needle
/// table, the counts, the countdown, and the forms the practitioner uses.
struct ChairView: PageModel {
    struct NeedleRow: Sendable {
        let label: String
        /// The In and Out buttons send the needle back packed as "point|side|site|location|area|level",
        /// which `ChairPagesController.choice` unpacks.
        let value: String
        let state: String
        let role: String
        let maxDepth: String
        let canInsert: Bool
        let canRemove: Bool
        let stateLabel: String

        init(_ needle: SessionNeedle) {
            label = needle.label
            value = [
                needle.point ?? "", needle.side?.rawValue ?? "", needle.site.map(String.init) ?? "", needle.location ?? "",
                needle.area?.rawValue ?? "", needle.level?.rawValue ?? "",
            ].joined(separator: "|")
            state = needle.state.rawValue
            role = needle.role?.rawValue ?? "extra"
            maxDepth = needle.maxDepthMm.map { "\($0) mm" } ?? ""
            canInsert = needle.state == .waiting || needle.state == .out
            canRemove = needle.state == .in
            stateLabel = needle.state == .waiting ? "not yet in" : needle.state.rawValue
        }
    }

    struct Choice: Sendable {
        let value: String
        let label: String
    }

    struct AdjunctChoice: Sendable {
        let value: String
        let label: String
        let hint: String
    }

    struct Closing: Sendable {
        struct Adjunct: Sendable {
            let label: String
            let detail: String
        }

        let painAfter: Int
        let closedAt: String
        let reactions: String
        let adviceGiven: Bool
        let removalReason: String?
        let adjuncts: [Adjunct]

        init(_ closing: SessionClosing, closedAt: Date, zone: TimeZone) {
            painAfter = closing.painAfter
            self.closedAt = DisplayTime.format(closedAt, in: zone)
            reactions = closing.reactions.isEmpty ? "none" : closing.reactions.map(\.rawValue).joined(separator: ", ")
            adviceGiven = closing.adviceGiven
            // Nil rather than empty: Mustache shows a section for any string, even an empty one.
            removalReason = closing.removalReason.flatMap { $0.isEmpty ? nil : $0 }
            adjuncts = closing.adjuncts.map { Adjunct(label: AdjunctWords.name($0.kind), detail: $0.detail) }
        }
    }

    /// The STRICTA items on needling, as the research report words them.
    struct Stricta: Sendable {
        let insertions: Int
        let points: String
        let depth: String
        let response: String
        let stimulation: String
        let retention: String
        let needleTypes: String

        init(_ stricta: StrictaNeedling) {
            insertions = stricta.insertions
            points = stricta.points.joined(separator: "; ")
            depth = stricta.depthMm.map { "\($0.min)–\($0.max) mm (mean \(String(format: "%.1f", $0.mean)))" } ?? "none"
            response = stricta.responseSought
            stimulation = stricta.stimulation.map(\.rawValue).joined(separator: ", ")
            retention = stricta.retentionMinutes.map { "\($0) minutes" } ?? "not timed"
            needleTypes = stricta.needleTypes.joined(separator: "; ")
        }
    }

    struct LedgerLine: Sendable {
        let at: String
        let entry: String
    }

    struct ForPatient: Sendable {
        let summary: String
    }

    struct Pregnancy: Sendable {
        let week: Int
    }

    let sessionId: String
    let patientId: String
    let patientName: String
    let practitionerName: String
    let position: String
    let painBefore: Int
    let started: String
    let open: Bool
    /// True for the practitioner whose session it is, while it is open: the page then carries the controls.
    let canTreat: Bool
    let chart: String
    let earChart: String?
    let backZoom: String?
    let needles: [NeedleRow]
    /// The needles in now, for choosing the two ends of an electroacupuncture pair.
    let needlesIn: [Choice]
    let waveforms: [String]
    let counts: NeedleCounts
    let hasLost: Bool
    let searchOpen: Bool
    let canClose: Bool
    let serverTime: String
    let targetMinutes: Int
    let timerRunning: Bool
    let timerStartedAt: String?
    let timerEndsAt: String?
    let timerEndsClock: String?
    let remaining: String?
    let due: Bool?
    let retained: String?
    let ledgerLength: Int
    let offDayReason: String?
    let undo: String?
    /// The practitioner's one-to-one time so far (billing counts it), and whether it runs now.
    let contactMinutes: Int
    let contactRunning: Bool
    let advice: String
    let reactions: [Choice]
    let adjunctKinds: [AdjunctChoice]
    let closing: Closing?
    let stricta: Stricta?
    let ledger: [LedgerLine]
    let message: String?
    let forPatient: ForPatient?
    let note: NoteView
    let checkIn: CheckInView?
    // What the chair offers, only to the practitioner of an open session, within the safety rules for this patient today.
    let electricalAllowed: Bool?
    let electricalRefusal: String?
    let strongAllowed: Bool?
    let gentleOnly: String?
    let pregnant: Pregnancy?
    let bodyAreas: [Choice]?
    let spinalLevels: [String]?

    /// `safety`: the rules for this patient today, given when the page carries the controls.
    init(
        record: TreatmentSessionRecord, now: Date, zone: TimeZone, canTreat: Bool, note: NoteView, checkIn: CheckInView?,
        safety: ChairSafetyCheck?, forPatient: Bool, message: String?
    ) {
        let chair = record.chair
        let needles = SessionNeedles.list(chair)
        let states = Dictionary(needles.filter(\.planned).map { ($0.label, $0.state.rawValue) }, uniquingKeysWith: { first, _ in first })
        let regions = Set(record.plan.needles.filter { $0.role == .local }.compactMap { PointCatalogue.standard.point($0.point)?.needling?.area })
        let areas: [(BodyArea, BackRegion)] = [(.upperBack, .upper), (.middleBack, .middle), (.lowerBack, .lower)]
        let painful = areas.filter { regions.contains($0.0) }.map(\.1)
        let counts = NeedleCounts(chair)
        let chart = BackChart(
            plan: record.plan, painfulRegions: painful, catalogue: .standard, states: states, extras: Self.extraMarkers(chair))
        sessionId = record.id.uuidString
        patientId = record.patientID.uuidString
        patientName = record.patientName
        practitionerName = record.practitionerName
        position = PositionText.describe(record.position)
        painBefore = record.painBefore
        started = DisplayTime.format(record.startedAt, in: zone)
        open = record.isOpen
        self.canTreat = canTreat && record.isOpen
        self.chart = chart.render()
        earChart = chart.earZoom()
        backZoom = chart.backZoom()
        let rows = needles.map(NeedleRow.init)
        self.needles = rows
        needlesIn = rows.filter { $0.state == "in" }.map { Choice(value: $0.value, label: $0.label) }
        waveforms = Waveform.allCases.map(\.rawValue)
        self.counts = counts
        hasLost = counts.lost > 0
        searchOpen = chair.ledger.searchOpen
        canClose = chair.ledger.canClose
        serverTime = Self.iso(now)
        targetMinutes = chair.timer.targetMinutes
        timerRunning = chair.timerIsCounting
        // The timer's times once it started; the countdown while it counts, the time the needles were in after.
        let timed = chair.timer.startedAt.flatMap { start in chair.timer.endsAt.map { (start: start, end: $0) } }
        let counting = timed != nil && record.isOpen && chair.timerIsCounting
        timerStartedAt = timed.map { Self.iso($0.start) }
        timerEndsAt = timed.map { Self.iso($0.end) }
        timerEndsClock = timed.map { DisplayTime.clock($0.end, in: zone) }
        remaining = counting ? Self.countdown(chair.timer.remaining(at: now) ?? 0) : nil
        due = counting ? chair.timer.isDue(at: now) : nil
        retained = counting ? nil : timed.flatMap { timed in chair.removalStartedAt.map { Self.countdown($0.timeIntervalSince(timed.start)) } }
        ledgerLength = chair.ledger.events.count
        offDayReason = record.offDayReason
        undo = record.isOpen ? chair.ledger.undoable(at: now).map(Self.words) : nil
        contactMinutes = ContactTime(chair.ledger, closedAt: record.closedAt ?? now).minutes
        contactRunning = chair.ledger.contactSince != nil
        advice = AfterCareAdvice.standard
        reactions = ImmediateReaction.allCases.map { Choice(value: $0.rawValue, label: $0.rawValue.capitalized) }
        adjunctKinds = AdjunctKind.allCases.map { AdjunctChoice(value: $0.rawValue, label: AdjunctWords.name($0), hint: Self.adjunctHint($0)) }
        if let closing = record.closing, let closedAt = record.closedAt {
            self.closing = Closing(closing, closedAt: closedAt, zone: zone)
            stricta = Stricta(StrictaNeedling(session: chair))
        } else {
            self.closing = nil
            stricta = nil
        }
        ledger = chair.ledger.events.reversed().map { LedgerLine(at: DisplayTime.clock($0.at, in: zone), entry: Self.words($0)) }
        self.message = message
        self.forPatient = forPatient ? ForPatient(summary: PlainWords.session(record)) : nil
        self.note = note
        self.checkIn = checkIn
        electricalAllowed = safety.map { $0.electricalRefusal == nil }
        electricalRefusal = safety.map { $0.electricalRefusal ?? "" }
        let gentleOnly = safety?.engine.gentleStimulationOnly
        strongAllowed = gentleOnly.map(\.isEmpty)
        self.gentleOnly = gentleOnly.map { $0.map(\.message).joined(separator: " ") }
        pregnant = safety?.engine.assessment.patient.pregnancyWeek.map(Pregnancy.init)
        bodyAreas = safety.map { _ in BodyArea.allCases.map { Choice(value: $0.rawValue, label: BodyAreaWords.label($0)) } }
        spinalLevels = safety.map { _ in SpinalLevel.allCases.map(\.rawValue) }
    }

    /// ISO 8601 with milliseconds, for the chair script's clock.
    static func iso(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
    }

    /// The needles off the plan, for the chart: at their catalogue point or where they were placed.
    private static func extraMarkers(_ chair: ChairSession) -> [ExtraNeedleMarker] {
        let state = SessionNeedles.states(chair)
        return SessionNeedles.extraKeys(chair).map { ExtraNeedleMarker(needle: $0, state: state($0).rawValue) }
    }

    static func adjunctHint(_ kind: AdjunctKind) -> String {
        switch kind {
        case .moxibustion: "e.g. moxa stick over BL23 both sides, 5 minutes"
        case .cupping: "e.g. 4 cups beside L3–L5, 5 minutes"
        case .heatLamp: "e.g. infrared lamp over the lower back during retention"
        case .advice: "e.g. keep moving, avoid long sitting"
        case .exercises: "e.g. pelvic tilts, 10 twice a day"
        }
    }

    /// "12:05" or "−01:30" once past the target.
    static func countdown(_ seconds: TimeInterval) -> String {
        let whole = Int(seconds.rounded(.down))
        let magnitude = abs(whole)
        return (whole < 0 ? "−" : "") + String(format: "%02d:%02d", magnitude / 60, magnitude % 60)
    }

    static func words(_ event: NeedleEvent) -> String {
        switch event {
        case .inserted(let insertion):
            "In: \(insertion.key), \(insertion.depthMm) mm, \(insertion.needleType), \(insertion.stimulation.rawValue)\(insertion.deQi ? ", de qi" : "")"
        case .removed(let key, _): "Out: \(key)"
        case .removedAll(let count, _): "All out: \(count) counted"
        case .found(let count, _): "Search: \(count) found"
        case .declaredLost(let note, _): "Search ended, needle(s) lost: \(note)"
        case .stimulated(let pair): "Electroacupuncture: \(pair.summary)"
        case .undone: "Undone: the entry before was taken back"
        case .contactStarted: "Contact time started: with the patient one to one"
        case .contactStopped: "Contact time stopped"
        }
    }
}
