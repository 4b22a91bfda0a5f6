import Foundation
import Testing

@testable import AcubackCore

@Suite struct SlotGridTests {
    let nine = Date(timeIntervalSince1970: 1_780_000_200)  // a whole five minutes

    @Test func anAppointmentHoldsOneSlotPerUnitRoundedUp() {
        #expect(SlotGrid.slotStarts(from: nine, minutes: 45).count == 9)
        #expect(SlotGrid.slotStarts(from: nine, minutes: 47).count == 10)
        let slots = SlotGrid.slotStarts(from: nine, minutes: 15)
        #expect(slots == [nine, nine + 300, nine + 600])
    }

    @Test func onlyWholeSlotBoundariesAreAligned() {
        #expect(SlotGrid.isAligned(nine))
        #expect(!SlotGrid.isAligned(nine + 60))
        #expect(!SlotGrid.isAligned(nine + 0.5))
    }
}
