import Foundation
import Testing

@testable import AcubackCore

/// Free starts that follow each other join into one stretch the day view offers for booking.
@Suite struct FreeRunTests {
    let base = Date(timeIntervalSince1970: 1_800_000_000)
    let mei = UUID()
    let tom = UUID()

    func slot(_ minute: Int, _ practitioner: UUID, minutes: Int = 30) -> Slot {
        Slot(start: base.addingTimeInterval(Double(minute * 60)), minutes: minutes, practitionerID: practitioner, roomID: nil)
    }

    @Test func consecutiveStartsJoinAndAGapSplits() {
        let runs = FreeRun.runs([slot(0, mei), slot(15, mei), slot(30, mei), slot(90, mei), slot(105, mei)], step: 15)
        #expect(runs.map(\.start) == [base, base.addingTimeInterval(90 * 60)])
        #expect(runs.map(\.end) == [base.addingTimeInterval(60 * 60), base.addingTimeInterval(135 * 60)])
    }

    @Test func eachPractitionerHasTheirOwnRuns() {
        let runs = FreeRun.runs([slot(0, mei), slot(15, mei), slot(30, tom), slot(45, tom)], step: 15)
        #expect(runs.map(\.practitionerID) == [mei, tom])
        #expect(FreeRun.runs([], step: 15).isEmpty)
    }
}
