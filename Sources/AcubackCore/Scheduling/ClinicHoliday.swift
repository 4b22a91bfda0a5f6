import Foundation

/// A day the whole clinic is closed, whatever its weekly hours say: a bank holiday, a training day.
public struct ClinicHoliday: Codable, Sendable, Equatable, Hashable {
    public var day: CalendarDay
    /// Optional words for staff and patients, e.g. "Christmas Day".
    public var label: String

    public init(day: CalendarDay, label: String = "") {
        self.day = day
        self.label = label
    }

    public static let labelLimit = 80

    public func validate() throws(ValidationError) {
        var errors = FieldErrorCollector()
        errors.check(label.count <= Self.labelLimit, "label", "must be at most \(Self.labelLimit) characters")
        try errors.throwIfAny()
    }
}

extension ClinicSettings {
    /// The holiday falling on `day`, if the clinic has one then.
    public func holiday(on day: CalendarDay) -> ClinicHoliday? {
        holidays.first { $0.day == day }
    }

    /// Whether nothing can be booked on `day`: a holiday, or a weekday with no opening hours.
    public func isClosed(on day: CalendarDay) -> Bool {
        holiday(on: day) != nil || openingHours.ranges(on: day).isEmpty
    }
}
