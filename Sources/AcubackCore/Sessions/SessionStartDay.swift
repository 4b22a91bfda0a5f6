/// A session starts on its appointment's day, counted in the clinic's time zone, so a Monday
/// appointment is not started on the Friday before by a slip of the list. On another day it may
/// start only with the practitioner's reason, which the session keeps.
public struct SessionStartDay: Sendable, Equatable {
    public let appointmentDay: CalendarDay
    public let today: CalendarDay

    public static let reasonLimit = 500

    public init(appointmentDay: CalendarDay, today: CalendarDay) {
        self.appointmentDay = appointmentDay
        self.today = today
    }

    public var isOnTheDay: Bool { appointmentDay == today }

    /// The reason to keep (nil on the appointment's day), or why the start is refused.
    public func reason(_ given: String?) throws(ValidationError) -> String? {
        let words = given?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if isOnTheDay { return nil }
        guard !words.isEmpty else {
            let when = appointmentDay > today ? "ahead, on \(appointmentDay)" : "past, on \(appointmentDay)"
            throw ValidationError(
                field: "offDayReason",
                rule: "is required: the appointment is \(when), not today (\(today)); a session starts on its appointment's day, or on another day with a reason")
        }
        guard words.count <= Self.reasonLimit else {
            throw ValidationError(field: "offDayReason", rule: "must be at most \(Self.reasonLimit) characters")
        }
        return words
    }
}
