import Foundation
import Testing

@testable import AcubackCore

@Suite struct ContactTimeTests {
    @Test func periodsAddUpAndARunningOneEndsAtTheClose() throws {
        let ledger = try NeedleLedger(replaying: [
            .contactStarted(at: Chair.minutes(0)), Chair.insert(.bl23(.left), at: 1), .contactStopped(at: Chair.minutes(10)),
            .contactStarted(at: Chair.minutes(20)), .removed(.bl23(.left), at: Chair.minutes(25)),
        ])
        let time = ContactTime(ledger, closedAt: Chair.minutes(26.5))
        #expect(time.periods.count == 2)
        #expect(time.minutes == 16)
    }

    @Test func aSetOfNeedlesAfterARemovalIsOneReinsertion() throws {
        let ledger = try NeedleLedger(replaying: [
            Chair.insert(.bl23(.left), at: 0), Chair.insert(.bl23(.right), at: 0.5),
            .removed(.bl23(.left), at: Chair.minutes(15)),
            // Two needles going in one after the other are one re-insertion.
            Chair.insert(.bl23(.left), at: 16), Chair.insert(NeedleKey(point: "BL25", side: .left), at: 16.5),
            .removedAll(count: 3, at: Chair.minutes(30)),
            Chair.insert(.bl23(.left), at: 31),
        ])
        let time = ContactTime(ledger, closedAt: Chair.minutes(40))
        #expect(time.reinsertions == [Chair.minutes(16), Chair.minutes(31)])
        #expect(!time.electrical)
    }

    @Test func contactCannotStartTwiceOrStopWhenNotRunning() throws {
        var ledger = NeedleLedger()
        #expect(throws: LedgerError.noContactStarted) { try ledger.apply(.contactStopped(at: Chair.minutes(1))) }
        try ledger.apply(.contactStarted(at: Chair.minutes(1)))
        #expect(throws: LedgerError.contactAlreadyStarted) { try ledger.apply(.contactStarted(at: Chair.minutes(2))) }
        #expect(ledger.contactSince == Chair.minutes(1))
        try ledger.apply(.contactStopped(at: Chair.minutes(3)))
        #expect(ledger.contactSince == nil)
    }

    @Test func undoingANeedleKeepsTheContactRunning() throws {
        var ledger = NeedleLedger()
        try ledger.apply(.contactStarted(at: Chair.minutes(0)))
        try ledger.apply(Chair.insert(.bl23(.left), at: 1))
        try ledger.apply(.undone(at: Chair.minutes(1.5)))
        #expect(ledger.contactSince == Chair.minutes(0))
        #expect(ledger.inCount == 0)
    }
}
