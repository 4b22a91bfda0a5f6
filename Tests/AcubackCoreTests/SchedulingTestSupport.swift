import Foundation

@testable import AcubackCore

/// A clinic in London open 08:00–18:00 on weekdays, with two rooms, and a certified practitioner.
enum Schedule {
    static let zone = TimeZone(identifier: "Europe/London")!
    static let settings = ClinicSettings(timeZone: "Europe/London")
    /// Monday 2 March 2026, 07:00 in London (GMT).
    static let monday = CalendarDay("2026-03-02")!
    static var now: Date { monday.start(in: zone).addingTimeInterval(7 * 3600) }

    static let certificate = Certificate(
        issuingBody: "Body", number: "1", validFrom: CalendarDay("2025-01-01")!, validTo: CalendarDay("2027-12-31")!,
        verifiedBy: "admin", verifiedAt: Date(timeIntervalSince1970: 0))

    static func practitioner(_ id: UUID = UUID(), busy: [BusyInterval] = [], hours: WeeklyHours = .standardPractitioner,
                             exceptions: [AvailabilityException] = [], certificates: [Certificate] = [certificate]) -> PractitionerCalendar {
        PractitionerCalendar(practitionerID: id, name: "P", hours: hours, exceptions: exceptions, certificates: certificates, busy: BusyTimes(busy))
    }

    static func rooms(_ count: Int = 2) -> [RoomCalendar] {
        (0..<count).map { RoomCalendar(roomID: UUID(), name: "Room \($0 + 1)") }
    }

    static func at(_ day: CalendarDay, _ hour: Int, _ minute: Int = 0) -> Date {
        day.start(in: zone).addingTimeInterval(Double(hour * 3600 + minute * 60))
    }
}
