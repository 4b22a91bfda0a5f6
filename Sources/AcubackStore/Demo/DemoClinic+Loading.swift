import AcubackCore
import FluentKit
import Foundation
import SQLKit

extension DemoClinic {
    public enum LoadOutcome: Sendable, Equatable {
        case loaded
        case alreadyLoaded
    }
}

/// The demo's week of bookings: the two practitioners with valid certificates see patients
/// Monday to Friday, within the clinic's standard hours; each patient's first visit is a consultation.
public enum DemoSchedule {
    public struct Booking: Sendable {
        public let start: Date
        public let practitioner: Int
        public let patient: Int
        public let kind: AppointmentKind
    }

    static let startTimes: [[(hour: Int, minute: Int)]] = [
        [(9, 0), (10, 0), (11, 0), (14, 0), (15, 0)],
        [(9, 30), (10, 30), (13, 30), (14, 30), (16, 0)],
    ]

    public static func week(from today: Date, timeZone: TimeZone, patients: Int) -> [Booking] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let first = CalendarDay(today, in: timeZone)
        var bookings: [Booking] = []
        var seen = Set<Int>()
        var visit = 0
        for offset in 0..<7 {
            let day = first.adding(days: offset)
            guard day.isoWeekday <= 5 else { continue }
            for (practitioner, times) in startTimes.enumerated() {
                for (slot, time) in times.enumerated() where (slot + offset) % 2 == 0 || slot == 0 {
                    let patient = visit % patients
                    visit += 1
                    let kind: AppointmentKind = seen.insert(patient).inserted
                        ? .consultation : (visit % 6 == 0 ? .review : .treatment)
                    let start = calendar.date(from: DateComponents(
                        year: day.year, month: day.month, day: day.day, hour: time.hour, minute: time.minute))!
                    bookings.append(Booking(start: start, practitioner: practitioner, patient: patient, kind: kind))
                }
            }
        }
        return bookings
    }
}
