import Testing

@testable import AcubackCore

@Suite struct WeeklyHoursTests {
    @Test func parsesAndPrintsTheTextForm() throws {
        let hours = try WeeklyHours.parse("1=09:00-12:00,13:00-17:00;5=08:30-12:30", field: "hours")
        #expect(hours.ranges(on: 1) == [MinuteRange(start: 540, end: 720), MinuteRange(start: 780, end: 1020)])
        #expect(hours.ranges(on: 2).isEmpty)
        #expect(hours.text == "1=09:00-12:00,13:00-17:00;5=08:30-12:30")
    }

    @Test(arguments: ["8=09:00-10:00", "1=10:00-09:00", "1=9-10", "monday=09:00-10:00", "1=09:00-25:00"])
    func badTextIsNamed(text: String) {
        #expect { try WeeklyHours.parse(text, field: "hours") } throws: { ($0 as? ValidationError)?.errors.first?.field == "hours" }
    }

    @Test func theIntersectionIsWhenBothAreOpen() {
        let clinic = WeeklyHours([1: [MinuteRange(start: 480, end: 1080)]])
        let person = WeeklyHours([1: [MinuteRange(start: 420, end: 600), MinuteRange(start: 1020, end: 1200)], 2: [MinuteRange(start: 480, end: 600)]])
        #expect(person.intersection(clinic) == WeeklyHours([1: [MinuteRange(start: 480, end: 600), MinuteRange(start: 1020, end: 1080)]]))
    }

    @Test func busyTimesFindTheConflict() {
        let a = BusyInterval(start: Schedule.at(Schedule.monday, 9), minutes: 60)
        let b = BusyInterval(start: Schedule.at(Schedule.monday, 11), minutes: 30)
        var busy = BusyTimes([b])
        busy.insert(a)
        #expect(busy.conflict(with: BusyInterval(start: Schedule.at(Schedule.monday, 9, 30), minutes: 10)) == a)
        #expect(busy.conflict(with: BusyInterval(start: Schedule.at(Schedule.monday, 10), minutes: 60)) == nil)
        #expect(busy.conflict(with: BusyInterval(start: Schedule.at(Schedule.monday, 10, 50), minutes: 20)) == b)
    }

    @Test func patientsMayChangeAVisitOnlyWithNotice() {
        let settings = Schedule.settings
        let start = Schedule.now.addingTimeInterval(23 * 3600)
        #expect(!settings.allowsChange(of: start, by: .patient, now: Schedule.now))
        #expect(settings.allowsChange(of: start, by: .reception, now: Schedule.now))
        #expect(settings.allowsChange(of: Schedule.now.addingTimeInterval(25 * 3600), by: .patient, now: Schedule.now))
    }
}
