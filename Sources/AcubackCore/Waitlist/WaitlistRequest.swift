import Foundation

/// What a patient waits for: a kind of visit, with one practitioner or any, on some weekdays,
/// between two times of day, from one day to another (all in the clinic's time zone).
public struct WaitlistRequest: Sendable, Equatable {
    public var kind: AppointmentKind
    /// Nil: any practitioner.
    public var practitionerID: UUID?
    /// ISO weekdays, Monday = 1 … Sunday = 7.
    public var weekdays: Set<Int>
    /// Minutes after local midnight: the visit starts at or after `from` and ends by `to`.
    public var from: Int
    public var to: Int
    public var firstDay: CalendarDay
    public var lastDay: CalendarDay

    public init(
        kind: AppointmentKind, practitionerID: UUID?, weekdays: Set<Int>, from: Int, to: Int, firstDay: CalendarDay, lastDay: CalendarDay
    ) {
        self.kind = kind
        self.practitionerID = practitionerID
        self.weekdays = weekdays
        self.from = from
        self.to = to
        self.firstDay = firstDay
        self.lastDay = lastDay
    }

    /// The longest a patient may wait on one entry: a quarter of a year, after which a clinic's
    /// diary (and the patient's wishes) have usually changed.
    public static let longestDays = 92

    /// Checks the request against `today` and the visit's length: every problem at once, by field.
    public func validate(today: CalendarDay, minutes: Int) throws(ValidationError) {
        var errors = FieldErrorCollector()
        errors.check(!weekdays.isEmpty, "weekdays", "choose at least one day of the week")
        errors.check(weekdays.allSatisfy { (1...7).contains($0) }, "weekdays", "must be days 1 (Monday) to 7 (Sunday)")
        errors.check((0...(24 * 60)).contains(from) && (0...(24 * 60)).contains(to), "from", "must be a time of day")
        if from < to {
            errors.check(to - from >= minutes, "to", "the times must leave room for a \(minutes)-minute visit")
        } else {
            errors.add("to", "must be later than the earliest time")
        }
        errors.check(lastDay >= today, "lastDay", "must be today or later")
        if firstDay > lastDay {
            errors.add("lastDay", "must be on or after the first day")
        } else {
            errors.check(lastDay.days(since: max(firstDay, today)) < Self.longestDays, "lastDay", "must be within \(Self.longestDays) days of the first day")
            // The days chosen must include at least one of the weekdays chosen.
            let span = (0...min(6, lastDay.days(since: firstDay))).map { firstDay.adding(days: $0).isoWeekday }
            errors.check(weekdays.isEmpty || !weekdays.isDisjoint(with: span), "weekdays", "none of these weekdays falls between the first and last day")
        }
        try errors.throwIfAny()
    }

    /// True when a visit of `minutes` starting at `start` fits what the patient asked for.
    public func accepts(start: Date, minutes: Int, practitionerID: UUID, zone: TimeZone) -> Bool {
        if let wanted = self.practitionerID, wanted != practitionerID { return false }
        let day = CalendarDay(start, in: zone)
        guard firstDay <= day, day <= lastDay, weekdays.contains(day.isoWeekday) else { return false }
        let minute = Int(start.timeIntervalSince(day.start(in: zone)) / 60)
        return minute >= from && minute + minutes <= to
    }
}
