import Foundation
import Testing

@testable import AcubackCore

@Suite struct SlotFinderTests {
    let finder = SlotFinder(settings: Schedule.settings, rooms: Schedule.rooms())

    func check(_ start: Date, _ practitioner: PractitionerCalendar = Schedule.practitioner(), minutes: Int = 45) -> Result<RoomCalendar?, BookingRefusal> {
        finder.check(start: start, minutes: minutes, practitioner: practitioner, now: Schedule.now)
    }

    @Test func aFreeTimeInWorkingHoursIsBookableInARoom() throws {
        let room = try check(Schedule.at(Schedule.monday, 10)).get()
        #expect(room != nil)
    }

    @Test(arguments: [
        (-2, 0, "the time is in the past"), (10, 7, "appointments start on the hour"),
    ])
    func timingRules(hour: Int, minute: Int, message: String) {
        let start = hour < 0 ? Schedule.now.addingTimeInterval(-3600) : Schedule.at(Schedule.monday, hour, minute)
        guard case .failure(let refusal) = check(start) else { Issue.record("should be refused"); return }
        #expect(refusal.description.contains(message))
    }

    @Test func theClinicsHoursAndThePractitionersHoursBothApply() {
        // The clinic opens at 08:00 but this practitioner starts at 09:00.
        #expect(check(Schedule.at(Schedule.monday, 8)) == .failure(.outsideWorkingHours("2026-03-02 08:00")))
        // A practitioner who works Sunday still cannot be booked when the clinic is closed.
        let sunday = Schedule.monday.adding(days: 6)
        let weekend = Schedule.practitioner(hours: WeeklyHours([7: [MinuteRange(start: 540, end: 1020)]]))
        #expect(check(Schedule.at(sunday, 10), weekend) == .failure(.clinicClosed("2026-03-08 10:00")))
        // A treatment that would run past closing time does not fit.
        guard case .failure = check(Schedule.at(Schedule.monday, 16, 30)) else { Issue.record("runs past 17:00"); return }
    }

    @Test func anExpiredOrUnverifiedCertificateBlocksTheDay() {
        var expired = Schedule.certificate
        expired.validTo = CalendarDay("2026-03-01")!
        #expect(check(Schedule.at(Schedule.monday, 10), Schedule.practitioner(certificates: [expired])) == .failure(.notCertified(Schedule.monday)))
        var unverified = Schedule.certificate
        unverified.verifiedAt = nil
        #expect(check(Schedule.at(Schedule.monday, 10), Schedule.practitioner(certificates: [unverified])) == .failure(.notCertified(Schedule.monday)))
    }

    @Test func leaveBlocksTheDay() {
        let away = Schedule.practitioner(exceptions: [AvailabilityException(firstDay: Schedule.monday, lastDay: Schedule.monday.adding(days: 2), reason: "annual leave")])
        #expect(check(Schedule.at(Schedule.monday.adding(days: 1), 10), away) == .failure(.onLeave(Schedule.monday.adding(days: 1), "annual leave")))
        #expect((try? check(Schedule.at(Schedule.monday.adding(days: 3), 10), away).get()) != nil)
    }

    @Test func anOverlapNamesTheConflictingBooking() {
        let booked = BusyInterval(start: Schedule.at(Schedule.monday, 10), minutes: 45)
        let busy = Schedule.practitioner(busy: [booked])
        #expect(check(Schedule.at(Schedule.monday, 10, 30), busy) == .failure(.practitionerBusy(booked.start)))
        #expect((try? check(Schedule.at(Schedule.monday, 10, 45), busy).get()) != nil, "back to back is fine")
    }

    @Test func whenEveryRoomIsTakenThereIsNoSlot() {
        var finder = SlotFinder(settings: Schedule.settings, rooms: Schedule.rooms(1))
        finder.rooms[0].busy.insert(BusyInterval(start: Schedule.at(Schedule.monday, 10), minutes: 60))
        #expect(finder.check(start: Schedule.at(Schedule.monday, 10), minutes: 45, practitioner: Schedule.practitioner(), now: Schedule.now) == .failure(.noRoomFree))
    }

    @Test func freeSlotsSkipWhatIsTakenAndKeepTheStep() {
        let busy = Schedule.practitioner(busy: [BusyInterval(start: Schedule.at(Schedule.monday, 9), minutes: 60)])
        let slots = finder.freeSlots(for: busy, minutes: 45, from: Schedule.now, to: Schedule.at(Schedule.monday, 23), now: Schedule.now)
        #expect(slots.first?.start == Schedule.at(Schedule.monday, 10))
        #expect(slots.allSatisfy { busy.busy.isFree($0.interval) })
        #expect(zip(slots, slots.dropFirst()).allSatisfy { $1.start.timeIntervalSince($0.start) == 15 * 60 })
        #expect(slots.last?.start == Schedule.at(Schedule.monday, 16, 15), "the last 45 minutes end at 17:00")
    }

    @Test func slotsAreInTheClinicsTimeZoneAcrossTheClockChange() {
        // Clocks go forward in London on Sunday 29 March 2026; 09:00 local on the Monday after is 08:00 UTC.
        let after = CalendarDay("2026-03-30")!
        let slots = finder.freeSlots(on: after, for: Schedule.practitioner(), minutes: 45, after: Schedule.now, before: .distantFuture, limit: 1)
        #expect(slots.first?.start == Date(timeIntervalSince1970: 1_774_857_600))
    }
}

extension Result: @retroactive Equatable where Success == RoomCalendar?, Failure == BookingRefusal {
    public static func == (lhs: Self, rhs: Self) -> Bool {
        switch (lhs, rhs) {
        case (.failure(let a), .failure(let b)): a == b
        case (.success(let a), .success(let b)): a?.roomID == b?.roomID
        default: false
        }
    }
}
