import Foundation
import Testing

@testable import AcubackCore

@Suite struct ChairSessionTests {
    static let keys = [NeedleKey.bl23(.left), .bl23(.right), NeedleKey(point: "GV4", side: .midline)]

    static func session(target: Int = 15) -> ChairSession {
        ChairSession(planned: Chair.planned(keys), timer: RetentionTimer(targetMinutes: target))
    }

    @Test func theTimerStartsWhenTheLastPlannedNeedleIsIn() throws {
        var session = Self.session()
        try session.record(Chair.insert(Self.keys[0], at: 0))
        try session.record(Chair.insert(NeedleKey(extraAt: "tender point at L3"), at: 1))
        try session.record(Chair.insert(Self.keys[1], at: 2))
        #expect(!session.timer.isRunning)
        try session.record(Chair.insert(Self.keys[2], at: 3))
        #expect(session.timer.startedAt == Chair.minutes(3))
    }

    @Test func aTimerStartedByHandIsNotRestarted() throws {
        var session = Self.session()
        session.timer.startedAt = Chair.minutes(1)
        for (minute, key) in Self.keys.enumerated() { try session.record(Chair.insert(key, at: Double(minute) + 2)) }
        #expect(session.timer.startedAt == Chair.minutes(1))
    }

    /// The countdown stops with the last needle out; a short count keeps it running until the search
    /// ends; a needle put back in has it running again towards the same end.
    @Test func theCountdownStopsWhenEveryNeedleIsOut() throws {
        var session = Self.session()
        for key in Self.keys { try session.record(Chair.insert(key)) }
        #expect(session.timerIsCounting && session.allOutAt == nil)
        try session.record(.removed(Self.keys[0], at: Chair.minutes(12)))
        #expect(session.timerIsCounting)
        try session.record(.removedAll(count: 1, at: Chair.minutes(13)))
        #expect(session.timerIsCounting, "one needle is unaccounted for")
        try session.record(.found(count: 1, at: Chair.minutes(14)))
        #expect(!session.timerIsCounting && session.allOutAt == Chair.minutes(14))
        #expect(session.timer.isRunning, "the start stays recorded for the retention time")
        try session.record(Chair.insert(Self.keys[0], at: 15))
        #expect(session.timerIsCounting && session.timer.endsAt == Chair.minutes(15))
        try session.record(.removed(Self.keys[0], at: Chair.minutes(16)))
        #expect(session.allOutAt == Chair.minutes(16))
    }

    /// A slip of the finger is taken back: the last needle in or out, within two minutes; the tap
    /// stays on the ledger, the counts are as if it had not happened.
    @Test func theLastTapIsTakenBackSoonAfter() throws {
        var session = Self.session()
        try session.record(Chair.insert(Self.keys[0], at: 0))
        try session.record(Chair.insert(Self.keys[1], at: 1))
        try session.record(.undone(at: Chair.minutes(2)))
        #expect(session.ledger.inCount == 1 && session.ledger.insertedCount == 1 && session.ledger.events.count == 3)
        #expect(session.ledger.insertions.map(\.key) == [Self.keys[0]])
        // The one before is older than two minutes by now.
        #expect(throws: LedgerError.nothingToUndo) { try session.record(.undone(at: Chair.minutes(2.5))) }
        // A needle marked out by mistake goes back in.
        try session.record(.removed(Self.keys[0], at: Chair.minutes(3)))
        try session.record(.undone(at: Chair.minutes(4)))
        #expect(session.ledger.isIn(Self.keys[0]))
        // Counts and searches are not taps: they are corrected by counting again.
        try session.record(.removedAll(count: 1, at: Chair.minutes(5)))
        #expect(throws: LedgerError.nothingToUndo) { try session.record(.undone(at: Chair.minutes(5.5))) }
    }

    @Test func takingBackTheNeedleThatCompletedThePlanStopsTheTimerItStarted() throws {
        var session = Self.session()
        for (minute, key) in Self.keys.enumerated() { try session.record(Chair.insert(key, at: Double(minute))) }
        #expect(session.timer.startedAt == Chair.minutes(2))
        try session.record(.undone(at: Chair.minutes(2.5)))
        #expect(!session.timer.isRunning)
        try session.record(Chair.insert(Self.keys[2], at: 3))
        #expect(session.timer.startedAt == Chair.minutes(3))
    }

    @Test func closesWhenEveryNeedleIsOutInTime() throws {
        var session = Self.session()
        for key in Self.keys { try session.record(Chair.insert(key)) }
        try session.record(.removedAll(count: 3, at: Chair.minutes(15)))
        #expect(session.removalStartedAt == Chair.minutes(15))
        try session.validate(SessionClosing(painAfter: 3))
    }

    @Test func refusesToCloseWithANeedleIn() throws {
        var session = Self.session()
        for key in Self.keys { try session.record(Chair.insert(key)) }
        try session.record(.removed(Self.keys[0], at: Chair.minutes(15)))
        let error = #expect(throws: ValidationError.self) { try session.validate(SessionClosing(painAfter: 3)) }
        #expect(error?.errors.map(\.field) == ["needles"])
        #expect(error?.errors.first?.rule.hasPrefix("2 needle(s) are still in") == true)
    }

    @Test(arguments: [5.0, 25.0])
    func anEarlyOrLateRemovalNeedsAReason(minute: Double) throws {
        var session = Self.session()
        for key in Self.keys { try session.record(Chair.insert(key)) }
        try session.record(.removedAll(count: 3, at: Chair.minutes(minute)))
        let error = #expect(throws: ValidationError.self) { try session.validate(SessionClosing(painAfter: 3)) }
        #expect(error?.errors.map(\.field) == ["removalReason"])
        try session.validate(SessionClosing(painAfter: 3, removalReason: "patient felt faint"))
    }

    @Test func painAfterStaysOnTheScale() throws {
        let session = Self.session()
        let error = #expect(throws: ValidationError.self) { try session.validate(SessionClosing(painAfter: 11)) }
        #expect(error?.errors.map(\.field) == ["painAfter"])
    }
}
