import Foundation

/// What the front desk records about a patient on the day: here, or did not come.
public enum AttendanceMark: String, Codable, Sendable, CaseIterable {
    case arrived, noShow

    public var status: AppointmentStatus {
        switch self {
        case .arrived: .arrived
        case .noShow: .noShow
        }
    }
}

/// Why an attendance mark cannot be recorded.
public enum AttendanceRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    case notBooked(AppointmentStatus)
    case notToday(CalendarDay)
    case notStartedYet

    public var description: String {
        switch self {
        case .notBooked(let status): "the appointment is \(status.rawValue), not booked"
        case .notToday(let day): "a patient can be marked arrived only on the appointment's day, \(day)"
        case .notStartedYet: "a no-show can be recorded only once the appointment's start has passed"
        }
    }
}

/// The one rule for arrival and no-show marks: both only on a booked visit; arrival on its day,
/// a no-show once its start has passed (a patient late by a minute may still walk in, so the
/// desk decides when, but never before the time).
public enum Attendance {
    public static func check(
        _ mark: AttendanceMark, status: AppointmentStatus, start: Date, now: Date, zone: TimeZone
    ) -> Result<AppointmentStatus, AttendanceRefusal> {
        guard status == .booked else { return .failure(.notBooked(status)) }
        switch mark {
        case .arrived:
            let day = CalendarDay(start, in: zone)
            guard CalendarDay(now, in: zone) == day else { return .failure(.notToday(day)) }
        case .noShow:
            guard now >= start else { return .failure(.notStartedYet) }
        }
        return .success(mark.status)
    }
}
