import Foundation
import Testing

@testable import AcubackCore

/// The timer is given the time it is asked about, so these tests move a clock by hand.
@Suite struct RetentionTimerTests {
    @Test func keepsTheTargetWithinTenToTwentyMinutes() {
        #expect(RetentionTimer(targetMinutes: 5).targetMinutes == 10)
        #expect(RetentionTimer(targetMinutes: 15).targetMinutes == 15)
        #expect(RetentionTimer(targetMinutes: 30).targetMinutes == 20)
    }

    @Test func countsDownFromTheStoredStart() {
        let timer = RetentionTimer(targetMinutes: 15, startedAt: Chair.start)
        #expect(timer.endsAt == Chair.minutes(15))
        #expect(timer.remaining(at: Chair.minutes(5)) == 600)
        #expect(!timer.isDue(at: Chair.minutes(14.9)))
        #expect(timer.isDue(at: Chair.minutes(15)))
        #expect(timer.remaining(at: Chair.minutes(16)) == -60)
    }

    @Test func twoDevicesAskingAtTheSameMomentSeeTheSameCountdown() {
        let stored = RetentionTimer(targetMinutes: 12, startedAt: Chair.minutes(3))
        let reloaded = RetentionTimer(targetMinutes: stored.targetMinutes, startedAt: stored.startedAt)
        #expect(stored.remaining(at: Chair.minutes(7.5)) == reloaded.remaining(at: Chair.minutes(7.5)))
    }

    @Test func notStartedHasNoCountdownAndIsNeverDue() {
        let timer = RetentionTimer(targetMinutes: 15)
        #expect(!timer.isRunning)
        #expect(timer.remaining(at: Chair.minutes(60)) == nil)
        #expect(!timer.isDue(at: Chair.minutes(60)))
        #expect(timer.removalNeedsReason(at: Chair.minutes(1)) == nil)
    }

    @Test(arguments: [(9.9, true), (10.0, false), (15.0, false), (20.0, false), (20.1, true), (2.0, true)])
    func removalOutsideTenToTwentyMinutesNeedsAReason(minute: Double, needsReason: Bool) {
        let timer = RetentionTimer(targetMinutes: 15, startedAt: Chair.start)
        #expect((timer.removalNeedsReason(at: Chair.minutes(minute)) != nil) == needsReason)
    }

    @Test func theReasonSaysWhichLimitWasCrossed() {
        let timer = RetentionTimer(targetMinutes: 15, startedAt: Chair.start)
        #expect(timer.removalNeedsReason(at: Chair.minutes(4))?.contains("under the minimum 10") == true)
        #expect(timer.removalNeedsReason(at: Chair.minutes(25))?.contains("over the maximum 20") == true)
    }
}
