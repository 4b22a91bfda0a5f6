import Foundation
import Testing

@testable import AcubackCore

/// The CPT units of sessions of 10, 20, 30 and 45 minutes of contact, with and without
/// re-insertion and electrical stimulation, as issue #21 lists them.
@Suite struct AcupunctureCodingTests {
    /// A contact of `minutes` in one period, with `reinsertions` sets re-inserted.
    func contact(_ minutes: Int, reinsertions: Int = 0, electrical: Bool = false) -> ContactTime {
        ContactTime(
            periods: [DateInterval(start: Chair.start, duration: Double(minutes) * 60)],
            reinsertions: (0..<reinsertions).map { Chair.minutes(Double(15 * ($0 + 1))) }, electrical: electrical)
    }

    func codes(_ lines: [ProcedureLine]) -> [String] { lines.map { "\($0.code.code)×\($0.units)" } }

    @Test(arguments: [
        // minutes, re-insertions, electrical, expected lines
        (10, 0, false, ["97810×1"]),
        (10, 1, false, ["97810×1"]),
        (10, 0, true, ["97813×1"]),
        (20, 0, false, ["97810×1"]),
        (20, 1, false, ["97810×1"]),
        (20, 1, true, ["97813×1"]),
        (30, 0, false, ["97810×1"]),
        (30, 1, false, ["97810×1", "97811×1"]),
        (30, 0, true, ["97813×1"]),
        (30, 1, true, ["97813×1", "97814×1"]),
        (45, 0, false, ["97810×1"]),
        (45, 1, false, ["97810×1", "97811×1"]),
        (45, 2, false, ["97810×1", "97811×2"]),
        (45, 3, false, ["97810×1", "97811×2"]),
        (45, 2, true, ["97813×1", "97814×2"]),
    ])
    func unitsFollowTheTimeRuleAndReinsertions(minutes: Int, reinsertions: Int, electrical: Bool, expected: [String]) {
        #expect(codes(AcupunctureCoding.lines(for: contact(minutes, reinsertions: reinsertions, electrical: electrical))) == expected)
    }

    @Test func aUnitCountsOnceItsMidpointIsPassed() {
        #expect(AcupunctureCoding.timeUnits(minutes: 7) == 0)
        #expect(AcupunctureCoding.timeUnits(minutes: 8) == 1)
        #expect(AcupunctureCoding.timeUnits(minutes: 22) == 1)
        #expect(AcupunctureCoding.timeUnits(minutes: 23) == 2)
        #expect(AcupunctureCoding.timeUnits(minutes: 37) == 2)
        #expect(AcupunctureCoding.timeUnits(minutes: 38) == 3)
        #expect(AcupunctureCoding.lines(for: contact(7)).isEmpty)
    }

    @Test func aLongRetentionWithoutContactOrReinsertionIsTheInitialCodeOnly() {
        // 30 minutes of needles in, the practitioner with the patient for the first 12 of them.
        var ledger = NeedleLedger()
        try? ledger.apply(.contactStarted(at: Chair.minutes(0)))
        try? ledger.apply(Chair.insert(.bl23(.left), at: 1))
        try? ledger.apply(.contactStopped(at: Chair.minutes(12)))
        try? ledger.apply(.removed(.bl23(.left), at: Chair.minutes(31)))
        let time = ContactTime(ledger, closedAt: Chair.minutes(32))
        #expect(time.minutes == 12)
        #expect(codes(AcupunctureCoding.lines(for: time)) == ["97810×1"])
    }

    @Test func theInitialCodeIsBilledOnceADay() {
        // A second session the same day: its first set of needles is the re-insertion of its first unit.
        #expect(codes(AcupunctureCoding.lines(for: contact(20), initialBilledEarlierToday: true)) == ["97811×1"])
        #expect(codes(AcupunctureCoding.lines(for: contact(30, reinsertions: 1), initialBilledEarlierToday: true)) == ["97811×2"])
        #expect(codes(AcupunctureCoding.lines(for: contact(30, electrical: true), initialBilledEarlierToday: true)) == ["97814×1"])
    }

    @Test func electricalAndManualInitialCodesNeverMeet() {
        for minutes in [10, 20, 30, 45, 60] {
            for electrical in [false, true] {
                let found = Set(AcupunctureCoding.lines(for: contact(minutes, reinsertions: 3, electrical: electrical)).map(\.code.code))
                #expect(!(found.contains("97810") && found.contains("97813")))
                #expect(found.filter { ["97810", "97813"].contains($0) }.count <= 1)
            }
        }
    }
}
