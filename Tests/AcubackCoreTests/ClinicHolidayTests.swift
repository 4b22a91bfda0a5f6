import Foundation
import Testing

@testable import AcubackCore

/// A holiday closes the clinic for the day, through the same one booking check as a closed weekday.
@Suite struct ClinicHolidayTests {
    let tuesday = Schedule.monday.adding(days: 1)

    func finder(_ holidays: [ClinicHoliday]) -> SlotFinder {
        var settings = Schedule.settings
        settings.holidays = holidays
        return SlotFinder(settings: settings, rooms: Schedule.rooms())
    }

    @Test func aHolidayIsRefusedNamingTheDayAndItsLabel() {
        let finder = finder([ClinicHoliday(day: tuesday, label: "Staff training")])
        let result = finder.check(start: Schedule.at(tuesday, 10), minutes: 45, practitioner: Schedule.practitioner(), now: Schedule.now)
        #expect(result == .failure(.clinicHoliday(tuesday, "Staff training")))
        guard case .failure(let refusal) = result else { return }
        #expect(refusal.description == "the clinic is closed on 2026-03-03 (Staff training)")
        // The days around it are untouched.
        #expect((try? finder.check(start: Schedule.at(Schedule.monday, 10), minutes: 45, practitioner: Schedule.practitioner(), now: Schedule.now).get()) != nil)
    }

    @Test func aHolidayWithoutALabelStillSaysTheClinicIsClosed() {
        let finder = finder([ClinicHoliday(day: tuesday)])
        guard case .failure(let refusal) = finder.check(start: Schedule.at(tuesday, 9), minutes: 45, practitioner: Schedule.practitioner(), now: Schedule.now)
        else { Issue.record("a holiday must be refused"); return }
        #expect(refusal.description == "the clinic is closed on 2026-03-03")
    }

    @Test func freeSlotSearchSkipsTheHoliday() {
        let finder = finder([ClinicHoliday(day: tuesday, label: "Bank holiday")])
        let slots = finder.freeSlots(
            for: Schedule.practitioner(), minutes: 45, from: Schedule.now, to: Schedule.at(Schedule.monday.adding(days: 2), 23), now: Schedule.now, limit: 500)
        let days = Set(slots.map { CalendarDay($0.start, in: Schedule.zone) })
        #expect(days == [Schedule.monday, Schedule.monday.adding(days: 2)])
        #expect(finder.settings.isClosed(on: tuesday) && !finder.settings.isClosed(on: Schedule.monday))
    }

    @Test func aCourseIsFoundAroundAHoliday() throws {
        let finder = finder([ClinicHoliday(day: tuesday)])
        let request = CourseRequest(sessions: 3, perWeek: 3, earliest: Schedule.now)
        let course = try CourseFinder(finder: finder).find(request, practitioners: [Schedule.practitioner()], now: Schedule.now).get()
        #expect(!course.slots.contains { CalendarDay($0.start, in: Schedule.zone) == tuesday })
    }

    @Test func aLongLabelIsRefusedByName() {
        #expect(throws: ValidationError(field: "label", rule: "must be at most 80 characters")) {
            try ClinicHoliday(day: tuesday, label: String(repeating: "x", count: 81)).validate()
        }
    }
}
