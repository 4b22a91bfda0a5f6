import Foundation
import Testing

@testable import AcubackCore

@Suite struct CourseFinderTests {
    let finder = CourseFinder(finder: SlotFinder(settings: Schedule.settings, rooms: Schedule.rooms()))

    func request(_ sessions: Int = 10, perWeek: Int = 2, preferred: UUID? = nil, weeks: Int = 12) -> CourseRequest {
        CourseRequest(sessions: sessions, perWeek: perWeek, earliest: Schedule.now, horizonWeeks: weeks, preferredPractitionerID: preferred)
    }

    @Test func tenSessionsTwiceAWeekOnAnEmptyCalendar() throws {
        let practitioner = Schedule.practitioner()
        let course = try finder.find(request(), practitioners: [practitioner], now: Schedule.now).get()
        #expect(course.slots.count == 10)
        #expect(course.slots.first?.start == Schedule.at(Schedule.monday, 9))
        let days = course.slots.map { CalendarDay($0.start, in: Schedule.zone) }
        #expect(zip(days, days.dropFirst()).allSatisfy { $0.adding(days: 3) <= $1 }, "at least three days apart")
        let weeks = Dictionary(grouping: days, by: CourseFinder.weekNumber)
        #expect(weeks.values.allSatisfy { $0.count <= 2 })
        #expect(weeks.count == 5, "five weeks")
    }

    @Test func cherkinRegimenIsTwiceAWeekForThreeWeeksThenWeekly() throws {
        let request = CourseRequest(regimen: .cherkin2009, earliest: Schedule.now)
        let course = try finder.find(request, practitioners: [Schedule.practitioner()], now: Schedule.now).get()
        let days = course.slots.map { CalendarDay($0.start, in: Schedule.zone) }
        let perWeek = Dictionary(grouping: days, by: CourseFinder.weekNumber).sorted { $0.key < $1.key }.map(\.value.count)
        #expect(perWeek == [2, 2, 2, 1, 1, 1, 1], "seven weeks: 2, 2, 2, then 1 a week")
        #expect(zip(days.dropFirst(6), days.dropFirst(7)).allSatisfy { $0.adding(days: 7) <= $1 }, "weekly sessions a week apart")
    }

    @Test func existingBookingsArePassedOver() throws {
        let mondayBusy = BusyInterval(start: Schedule.at(Schedule.monday, 9), end: Schedule.at(Schedule.monday, 17))
        let course = try finder.find(request(2), practitioners: [Schedule.practitioner(busy: [mondayBusy])], now: Schedule.now).get()
        #expect(CalendarDay(course.slots[0].start, in: Schedule.zone) == Schedule.monday.adding(days: 1))
        #expect(course.slots.allSatisfy { !$0.interval.overlaps(mondayBusy) })
    }

    @Test func thePreferredPractitionerIsKeptWhenTheyCanTakeTheCourse() throws {
        let early = Schedule.practitioner()
        let preferred = Schedule.practitioner(busy: [BusyInterval(start: Schedule.at(Schedule.monday, 9), end: Schedule.at(Schedule.monday, 17))])
        let course = try finder.find(request(preferred: preferred.practitionerID), practitioners: [early, preferred], now: Schedule.now).get()
        #expect(course.practitionerID == preferred.practitionerID)
    }

    @Test func anotherCertifiedPractitionerTakesOverWhenThePreferredOneCannot() throws {
        var expiring = Schedule.certificate
        expiring.validTo = Schedule.monday.adding(days: 10)
        let preferred = Schedule.practitioner(certificates: [expiring])
        let other = Schedule.practitioner()
        let course = try finder.find(request(preferred: preferred.practitionerID), practitioners: [preferred, other], now: Schedule.now).get()
        #expect(course.practitionerID == other.practitionerID)
    }

    @Test func aCourseThatCannotFitIsRefusedWithTheReason() {
        let result = finder.find(request(10, perWeek: 2, weeks: 3), practitioners: [Schedule.practitioner()], now: Schedule.now)
        guard case .failure(let failure) = result else { Issue.record("cannot fit 10 in 3 weeks"); return }
        #expect(failure.description == "no certified practitioner has 10 free times, 2 a week, in the next 3 weeks")
    }

    @Test func theSearchNeverUsesOneRoomTwiceAtOnce() throws {
        var slotFinder = SlotFinder(settings: Schedule.settings, rooms: Schedule.rooms(1))
        let course = try CourseFinder(finder: slotFinder).find(request(4, perWeek: 1), practitioners: [Schedule.practitioner()], now: Schedule.now).get()
        for slot in course.slots {
            #expect(slotFinder.rooms[0].busy.isFree(slot.interval))
            slotFinder.rooms[0].busy.insert(slot.interval)
        }
    }

    @Test(arguments: [(0, "sessions"), (31, "sessions")])
    func badRequestsNameTheField(sessions: Int, field: String) {
        #expect { try request(sessions).validate() } throws: { ($0 as? ValidationError)?.errors.first?.field == field }
    }
}
