import Testing

@testable import AcubackCore

/// A session starts on its appointment's day; on any other day only with a reason.
@Suite struct SessionStartDayTests {
    let monday = CalendarDay("2026-11-30")!

    @Test func onTheDayNoReasonIsNeededNorKept() throws {
        let day = SessionStartDay(appointmentDay: monday, today: monday)
        #expect(try day.reason(nil) == nil)
        #expect(try day.reason("  anything ") == nil)
    }

    @Test func theFridayBeforeNeedsAReasonNamingTheDay() throws {
        let day = SessionStartDay(appointmentDay: monday, today: monday.adding(days: -3))
        do {
            _ = try day.reason("   ")
            Issue.record("a Monday appointment started on Friday without a reason")
        } catch {
            #expect(error.errors.first?.field == "offDayReason")
            #expect(error.errors.first?.rule.contains("ahead, on 2026-11-30, not today (2026-11-27)") == true)
        }
        #expect(try day.reason("  Patient travels on Monday ") == "Patient travels on Monday")
        #expect(throws: ValidationError.self) { try day.reason(String(repeating: "x", count: 501)) }
    }

    @Test func aDayGoneByNeedsAReasonToo() {
        #expect(throws: ValidationError.self) { try SessionStartDay(appointmentDay: monday, today: monday.adding(days: 1)).reason(nil) }
    }
}
