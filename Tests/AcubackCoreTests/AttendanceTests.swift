import Foundation
import Testing

@testable import AcubackCore

/// The desk marks a booked visit arrived on its day, or a no-show once its time has passed.
@Suite struct AttendanceTests {
    let zone = TimeZone(identifier: "Europe/London")!
    var start: Date { CalendarDay("2026-11-30")!.start(in: zone).addingTimeInterval(10 * 3600) }

    @Test func arrivalOnlyOnTheAppointmentsDay() {
        #expect(Attendance.check(.arrived, status: .booked, start: start, now: start.addingTimeInterval(-3 * 3600), zone: zone) == .success(.arrived))
        #expect(Attendance.check(.arrived, status: .booked, start: start, now: start.addingTimeInterval(-86_400), zone: zone)
            == .failure(.notToday(CalendarDay("2026-11-30")!)))
        #expect(Attendance.check(.arrived, status: .booked, start: start, now: start.addingTimeInterval(14 * 3600 + 1), zone: zone)
            == .failure(.notToday(CalendarDay("2026-11-30")!)))
    }

    @Test func noShowOnlyOnceTheStartHasPassed() {
        #expect(Attendance.check(.noShow, status: .booked, start: start, now: start.addingTimeInterval(-60), zone: zone) == .failure(.notStartedYet))
        #expect(Attendance.check(.noShow, status: .booked, start: start, now: start, zone: zone) == .success(.noShow))
        #expect(Attendance.check(.noShow, status: .booked, start: start, now: start.addingTimeInterval(7 * 86_400), zone: zone) == .success(.noShow))
    }

    @Test(arguments: [AppointmentStatus.arrived, .completed, .cancelled, .noShow])
    func onlyABookedVisitIsMarked(status: AppointmentStatus) {
        for mark in AttendanceMark.allCases {
            #expect(Attendance.check(mark, status: status, start: start, now: start, zone: zone) == .failure(.notBooked(status)))
        }
    }

    @Test func openVisitsAreBookedOrArrived() {
        #expect(AppointmentStatus.allCases.filter(\.isOpen) == [.booked, .arrived])
    }
}
