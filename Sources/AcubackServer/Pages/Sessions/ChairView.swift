import AcubackServices
import AcubackCore
import Foundation

/// The chair page's values for one session: the chart with each needle's state, the needle
/// table, the counts, the countdown, and the forms the practitioner uses.
struct ChairView {
    let record: TreatmentSessionRecord
    let now: Date
    let zone: TimeZone
    /// True for the practitioner whose session it is: the page then carries the controls.
    let canTreat: Bool

    /// ISO 8601 with milliseconds, for the chair script's clock.
    static func iso(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
    }

    var context: [String: Any] {
        let chair = record.chair
        let needles = SessionNeedles.list(chair)
        let states = Dictionary(needles.filter(\.planned).map { ($0.label, $0.state) }, uniquingKeysWith: { first, _ in first })
        let regions = Set(record.plan.needles.filter { $0.role == .local }.compactMap { PointCatalogue.standard.point($0.point)?.needling?.area })
        let areas: [(BodyArea, BackRegion)] = [(.upperBack, .upper), (.middleBack, .middle), (.lowerBack, .lower)]
        let painful = areas.filter { regions.contains($0.0) }.map(\.1)
        let body = SessionBody(record, now: now)
        let chart = BackChart(plan: record.plan, painfulRegions: painful, catalogue: .standard, states: states, extras: extraMarkers())
        var values: [String: Any] = [
            "sessionId": record.id.uuidString,
            "patientId": record.patientID.uuidString,
            "patientName": record.patientName,
            "practitionerName": record.practitionerName,
            "position": PositionText.describe(record.position),
            "painBefore": record.painBefore,
            "started": DisplayTime.format(record.startedAt, in: zone),
            "open": record.isOpen,
            "canTreat": canTreat && record.isOpen,
            "chart": chart.render(),
            "needles": needles.map(row),
            // The needles in now, for choosing the two ends of an electroacupuncture pair.
            "needlesIn": needles.filter { $0.state == "in" }.map { ["value": row($0)["value"] as? String ?? "", "label": $0.label] },
            "waveforms": Waveform.allCases.map(\.rawValue),
            "counts": ["planned": body.counts.planned, "inserted": body.counts.inserted, "in": body.counts.in, "out": body.counts.out, "lost": body.counts.lost],
            "hasLost": body.counts.lost > 0,
            "searchOpen": chair.ledger.searchOpen,
            "canClose": chair.ledger.canClose,
            "serverTime": Self.iso(now),
            "targetMinutes": chair.timer.targetMinutes,
            "timerRunning": chair.timerIsCounting,
            "ledgerLength": chair.ledger.events.count,
            "advice": AfterCareAdvice.standard,
            "reactions": ImmediateReaction.allCases.map { ["value": $0.rawValue, "label": $0.rawValue.capitalized] },
            "adjunctKinds": AdjunctKind.allCases.map { ["value": $0.rawValue, "label": AdjunctWords.name($0), "hint": Self.adjunctHint($0)] },
        ]
        if let reason = record.offDayReason { values["offDayReason"] = reason }
        if let ears = chart.earZoom() { values["earChart"] = ears }
        if let back = chart.backZoom() { values["backZoom"] = back }
        if record.isOpen, let tap = chair.ledger.undoable(at: now) { values["undo"] = Self.words(tap) }
        if let start = chair.timer.startedAt, let end = chair.timer.endsAt {
            values["timerStartedAt"] = Self.iso(start)
            values["timerEndsAt"] = Self.iso(end)
            values["timerEndsClock"] = DisplayTime.clock(end, in: zone)
            if record.isOpen && chair.timerIsCounting {
                values["remaining"] = Self.countdown(chair.timer.remaining(at: now) ?? 0)
                values["due"] = chair.timer.isDue(at: now)
            } else if let out = chair.removalStartedAt {
                values["retained"] = Self.countdown(out.timeIntervalSince(start))
            }
        }
        if let closing = record.closing, let closedAt = record.closedAt {
            var closed: [String: Any] = [
                "painAfter": closing.painAfter, "closedAt": DisplayTime.format(closedAt, in: zone),
                "reactions": closing.reactions.isEmpty ? "none" : closing.reactions.map(\.rawValue).joined(separator: ", "),
                "adviceGiven": closing.adviceGiven,
            ]
            if let reason = closing.removalReason, !reason.isEmpty { closed["removalReason"] = reason }
            closed["adjuncts"] = closing.adjuncts.map { ["label": AdjunctWords.name($0.kind), "detail": $0.detail] }
            values["closing"] = closed
            let stricta = StrictaNeedling(session: chair)
            values["stricta"] = [
                "insertions": stricta.insertions, "points": stricta.points.joined(separator: "; "),
                "depth": stricta.depthMm.map { "\($0.min)–\($0.max) mm (mean \(String(format: "%.1f", $0.mean)))" } ?? "none",
                "response": stricta.responseSought, "stimulation": stricta.stimulation.map(\.rawValue).joined(separator: ", "),
                "retention": stricta.retentionMinutes.map { "\($0) minutes" } ?? "not timed", "needleTypes": stricta.needleTypes.joined(separator: "; "),
            ]
        }
        values["ledger"] = chair.ledger.events.reversed().map { event in
            ["at": DisplayTime.clock(event.at, in: zone), "entry": Self.words(event)]
        }
        return values
    }

    /// The needles off the plan, for the chart: at their catalogue point or where they were placed.
    private func extraMarkers() -> [ExtraNeedleMarker] {
        let state = SessionNeedles.states(record.chair)
        return SessionNeedles.extraKeys(record.chair).map { ExtraNeedleMarker(needle: $0, state: state($0)) }
    }

    private func row(_ needle: SessionBody.Needle) -> [String: Any] {
        let value = [
            needle.point ?? "", needle.side?.rawValue ?? "", needle.site.map(String.init) ?? "", needle.location ?? "", needle.area?.rawValue ?? "",
            needle.level?.rawValue ?? "",
        ].joined(separator: "|")
        return [
            "label": needle.label, "value": value, "state": needle.state, "role": needle.role?.rawValue ?? "extra",
            "maxDepth": needle.maxDepthMm.map { "\($0) mm" } ?? "", "canInsert": needle.state == "waiting" || needle.state == "out",
            "canRemove": needle.state == "in", "stateLabel": needle.state == "waiting" ? "not yet in" : needle.state,
        ]
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
        }
    }
}
