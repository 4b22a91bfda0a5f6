import AcubackCore
import Foundation
import Testing

/// What a waitlist request must hold: every problem named by its field.
@Suite struct WaitlistRequestTests {
    static let today = CalendarDay("2026-12-01")!

    static func fields(_ request: WaitlistRequest, minutes: Int = 45) -> [String] {
        do {
            try request.validate(today: today, minutes: minutes)
            return []
        } catch {
            return error.errors.map(\.field)
        }
    }

    static func request(weekdays: Set<Int> = [1, 2, 3], from: Int = 540, to: Int = 720, first: String = "2026-12-01", last: String = "2026-12-20")
        -> WaitlistRequest
    {
        WaitlistRequest(kind: .treatment, practitionerID: nil, weekdays: weekdays, from: from, to: to, firstDay: CalendarDay(first)!, lastDay: CalendarDay(last)!)
    }

    @Test func aSensibleRequestPasses() {
        #expect(Self.fields(Self.request()) == [])
    }

    @Test func anEmptyOrBackwardTimeRangeNamesTheTime() {
        #expect(Self.fields(Self.request(from: 720, to: 720)) == ["to"])
        #expect(Self.fields(Self.request(from: 720, to: 540)) == ["to"])
        // Too short for the visit.
        #expect(Self.fields(Self.request(from: 540, to: 560)) == ["to"])
    }

    @Test func datesMustRunForwardAndNotAlreadyBeOver() {
        #expect(Self.fields(Self.request(first: "2026-12-10", last: "2026-12-05")) == ["lastDay"])
        #expect(Self.fields(Self.request(first: "2026-11-01", last: "2026-11-20")) == ["lastDay"])
        #expect(Self.fields(Self.request(last: "2027-06-01")) == ["lastDay"])
    }

    @Test func weekdaysMustBeChosenAndFallWithinTheDates() {
        #expect(Self.fields(Self.request(weekdays: [])) == ["weekdays"])
        #expect(Self.fields(Self.request(weekdays: [8])).contains("weekdays"))
        // 5 and 6 December 2026 are a Saturday and a Sunday.
        #expect(Self.fields(Self.request(weekdays: [1], first: "2026-12-05", last: "2026-12-06")) == ["weekdays"])
        #expect(Self.fields(Self.request(weekdays: [6], first: "2026-12-05", last: "2026-12-06")) == [])
    }
}
