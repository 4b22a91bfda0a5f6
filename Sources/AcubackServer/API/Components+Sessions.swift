import AcubackAPI
import AcubackCore
import AcubackServices
import Foundation

// A session at the chair as the API's generated types: counts, the timer by the server's clock,
// each needle's state, and the ledger.

extension Components.Schemas.Session {
    init(_ record: TreatmentSessionRecord, now: Date) {
        let chair = record.chair
        let ledger = chair.ledger
        // The countdown stopped when the last needle came out (a closed session's when they started coming out).
        let clock = chair.allOutAt ?? record.closedAt.flatMap { _ in chair.removalStartedAt } ?? now
        self.init(
            id: record.id.uuidString, patientId: record.patientID.uuidString, patientName: record.patientName,
            practitionerId: record.practitionerID.uuidString, practitionerName: record.practitionerName,
            appointmentId: record.appointmentID.uuidString, planId: record.planID.uuidString, status: record.isOpen ? .open : .closed,
            position: .init(record.position), painBefore: record.painBefore, startedAt: record.startedAt, closedAt: record.closedAt,
            offDayReason: record.offDayReason, serverTime: now,
            counts: .init(NeedleCounts(chair)),
            searchOpen: ledger.searchOpen, canClose: ledger.canClose,
            timer: .init(
                targetMinutes: chair.timer.targetMinutes, running: chair.timerIsCounting, startedAt: chair.timer.startedAt,
                endsAt: chair.timer.endsAt, remainingSeconds: chair.timer.remaining(at: clock).map { Int($0.rounded()) },
                due: chair.timer.isDue(at: clock)),
            needles: SessionNeedles.list(chair).map(Components.Schemas.SessionNeedle.init),
            ledger: ledger.events.map(Components.Schemas.LedgerEntry.init),
            closing: record.closing.map {
                .init(
                    painAfter: $0.painAfter, reactions: $0.reactions.map(\.rawValue), adviceGiven: $0.adviceGiven,
                    removalReason: $0.removalReason, adjuncts: $0.adjuncts.map { .init(kind: .init($0.kind), detail: $0.detail) })
            },
            advice: AfterCareAdvice.standard)
    }
}

extension Components.Schemas.SessionNeedle {
    init(_ needle: SessionNeedle) {
        self.init(
            point: needle.point, side: needle.side.map(Components.Schemas.NeedleSide.init), site: needle.site, location: needle.location,
            area: needle.area.map(Components.Schemas.BodyArea.init), level: needle.level.map(Components.Schemas.SpinalLevel.init),
            role: needle.role.map(Components.Schemas.NeedleRole.init), maxDepthMm: needle.maxDepthMm, planned: needle.planned,
            label: needle.label, state: .init(needle.state))
    }
}

extension Components.Schemas.Session.CountsPayload {
    init(_ counts: NeedleCounts) {
        self.init(planned: counts.planned, inserted: counts.inserted, _in: counts.in, out: counts.out, lost: counts.lost)
    }
}

extension Components.Schemas.SessionNeedle.StatePayload {
    init(_ state: SessionNeedle.State) {
        switch state {
        case .waiting: self = .waiting
        case .in: self = ._in
        case .out: self = .out
        case .lost: self = .lost
        }
    }
}

extension Components.Schemas.NeedleRef {
    init(_ key: NeedleKey) {
        self.init(
            point: key.point, side: key.side.map(Components.Schemas.NeedleSide.init), site: key.site, location: key.location,
            area: key.area.map(Components.Schemas.BodyArea.init), level: key.level.map(Components.Schemas.SpinalLevel.init))
    }
}

extension Components.Schemas.LedgerEntry {
    init(_ event: NeedleEvent) {
        // A removal needs nothing but the needle; every other event sets its own kind below.
        self.init(kind: .removed, at: event.at)
        switch event {
        case .inserted(let insertion):
            kind = .inserted
            locate(insertion.key)
            (depthMm, needleType, stimulation, deQi) = (insertion.depthMm, insertion.needleType, insertion.stimulation.rawValue, insertion.deQi)
            (overridden, overrideReason) = (insertion.override?.findings, insertion.override?.reason)
        case .removed(let key, _):
            locate(key)
        case .removedAll(let count, _):
            (kind, self.count) = (.removedAll, count)
        case .found(let count, _):
            (kind, self.count) = (.found, count)
        case .declaredLost(let note, _):
            (kind, self.note) = (.declaredLost, note)
        case .stimulated(let pair):
            kind = .stimulated
            electricalPair = .init(
                first: .init(pair.first), second: .init(pair.second), frequencyHz: pair.frequencyHz, waveform: .init(pair.waveform),
                intensityMa: pair.intensityMa, durationMinutes: pair.durationMinutes)
        case .undone:
            kind = .undone
        case .contactStarted:
            kind = .contactStarted
        case .contactStopped:
            kind = .contactStopped
        }
    }

    private mutating func locate(_ key: NeedleKey) {
        let ref = Components.Schemas.NeedleRef(key)
        (point, side, site, location, area, level) = (ref.point, ref.side, ref.site, ref.location, ref.area, ref.level)
    }
}
