import Testing

@testable import AcubackCore

@Suite struct CheckInTests {
    @Test func commonAfterEffectsAreNotSerious() throws {
        let checkIn = CheckIn(soreness: 4, sorenessHoursAfter: 6, tiredness: true, neededSleep: true, bruising: true)
        try checkIn.validate()
        #expect(!checkIn.isSerious)
    }

    @Test func breathlessnessSevereSorenessOrAMarkAreSerious() {
        #expect(CheckIn(soreness: 1, breathlessness: true).isSerious)
        #expect(CheckIn(soreness: 8).isSerious)
        #expect(CheckIn(soreness: 0, markedSerious: true).isSerious)
    }

    @Test func namesEachFieldOutOfRange() {
        let error = #expect(throws: ValidationError.self) {
            try CheckIn(soreness: 12, sorenessHoursAfter: 100, other: String(repeating: "x", count: 2001)).validate()
        }
        #expect(error?.errors.map(\.field) == ["soreness", "sorenessHoursAfter", "other"])
    }
}
