import Foundation
import Testing

@testable import AcubackCore

/// The weekly hours as seven rows of controls, read back with errors that name the day.
@Suite struct WeeklyHoursDaysTests {
    func week(_ change: (inout [DayHoursEntry]) -> Void) -> [DayHoursEntry] {
        var entries = WeeklyHours.standardClinic.entries
        change(&entries)
        return entries
    }

    @Test func theRowsReadBackAsTheSameHours() throws {
        let hours = try WeeklyHours.build(from: WeeklyHours.standardClinic.entries, field: "openingHours")
        #expect(hours == .standardClinic)
        #expect(WeeklyHours.standardClinic.entries[6].closed, "Sunday is closed")
    }

    @Test func aSecondStretchMakesTwoRangesAndAnEmptyOneIsIgnored() throws {
        let entries = week { $0[0].stretches = [("09:00", "12:30"), ("13:30", "17:00")]; $0[1].stretches = [("09:00", "17:00"), ("", "")] }
        let hours = try WeeklyHours.build(from: entries, field: "hours")
        #expect(hours.ranges(on: 1) == [MinuteRange(start: 540, end: 750), MinuteRange(start: 810, end: 1020)])
        #expect(hours.ranges(on: 2) == [MinuteRange(start: 540, end: 1020)])
    }

    @Test func closingBeforeOpeningNamesTheDay() {
        let entries = week { $0[1].stretches = [("17:00", "09:00")] }
        #expect(throws: ValidationError(field: "openingHours.tuesday", rule: "closing time 09:00 must be after opening time 17:00")) {
            try WeeklyHours.build(from: entries, field: "openingHours")
        }
    }

    @Test func everyBadDayIsReportedAtOnce() throws {
        let entries = week { $0[2].stretches = [("", "17:00")]; $0[4].stretches = [("09:00", "13:00"), ("12:00", "17:00")] }
        do {
            _ = try WeeklyHours.build(from: entries, field: "hours")
            Issue.record("bad days were accepted")
        } catch {
            #expect(error.errors.map(\.field) == ["hours.wednesday", "hours.friday"])
            #expect(error.errors[1].rule == "the two stretches overlap")
        }
    }

    @Test func aClosedDayIgnoresWhateverTimesItsRowStillHolds() throws {
        let entries = week { $0[0].closed = true; $0[0].stretches = [("17:00", "09:00")] }
        #expect(try WeeklyHours.build(from: entries, field: "hours").ranges(on: 1).isEmpty)
    }
}
