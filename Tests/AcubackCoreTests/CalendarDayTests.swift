import Foundation
import Testing

@testable import AcubackCore

@Suite struct CalendarDayTests {
    @Test func parsesAndPrintsISODates() throws {
        let day = try #require(CalendarDay("2026-02-28"))
        #expect(day.year == 2026 && day.month == 2 && day.day == 28)
        #expect(day.description == "2026-02-28")
    }

    @Test(arguments: ["2026-02-29", "2026-13-01", "2026-1-01", "26-01-01", "2026/01/01", "", "2026-01-01T00:00"])
    func rejectsWhatIsNotACalendarDate(_ text: String) {
        #expect(CalendarDay(text) == nil)
    }

    @Test func leapDayExistsInLeapYears() {
        #expect(CalendarDay("2028-02-29") != nil)
    }

    @Test func addsDaysAcrossMonthAndYearEnds() throws {
        let day = try #require(CalendarDay("2026-12-30"))
        #expect(day.adding(days: 3).description == "2027-01-02")
        #expect(day.adding(days: -30).description == "2026-11-30")
    }

    @Test func knowsTheISOWeekday() throws {
        #expect(try #require(CalendarDay("2026-11-23")).isoWeekday == 1)  // a Monday
        #expect(try #require(CalendarDay("2026-11-29")).isoWeekday == 7)  // a Sunday
    }

    @Test func theDayOfAnInstantDependsOnTheTimeZone() {
        // 23:30 UTC on 1 March is already 2 March in Tokyo.
        let instant = Date(timeIntervalSince1970: 1_772_407_800)
        #expect(CalendarDay(instant, in: TimeZone(identifier: "UTC")!).description == "2026-03-01")
        #expect(CalendarDay(instant, in: TimeZone(identifier: "Asia/Tokyo")!).description == "2026-03-02")
    }

    @Test func codesAsAString() throws {
        let day = try #require(CalendarDay("2026-07-04"))
        let json = try JSONEncoder().encode([day])
        #expect(String(decoding: json, as: UTF8.self) == #"["2026-07-04"]"#)
        #expect(try JSONDecoder().decode([CalendarDay].self, from: json) == [day])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CalendarDay].self, from: Data(#"["July 4"]"#.utf8)) }
    }
}
