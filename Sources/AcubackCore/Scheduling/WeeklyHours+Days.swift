import Foundation

/// One weekday as a person edits it: closed, or one or two stretches typed as "HH:MM" times.
/// The text is kept as typed so that a form redrawn after an error shows what was entered.
public struct DayHoursEntry: Sendable, Equatable {
    public var weekday: Int
    public var closed: Bool
    /// Opening and closing times as typed; the second pair may be left empty.
    public var stretches: [(open: String, close: String)]

    public init(weekday: Int, closed: Bool, stretches: [(open: String, close: String)]) {
        self.weekday = weekday
        self.closed = closed
        self.stretches = stretches
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.weekday == rhs.weekday && lhs.closed == rhs.closed
            && lhs.stretches.map { [$0.open, $0.close] } == rhs.stretches.map { [$0.open, $0.close] }
    }

    public var dayName: String { WeeklyHours.dayNames[weekday - 1] }
}

extension WeeklyHours {
    /// ISO order: Monday first.
    public static let dayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// The week as seven rows to edit, with a second stretch where a day has one.
    public var entries: [DayHoursEntry] {
        (1...7).map { weekday in
            let ranges = ranges(on: weekday)
            return DayHoursEntry(
                weekday: weekday, closed: ranges.isEmpty,
                stretches: ranges.map { (MinuteRange.clock($0.start), MinuteRange.clock($0.end)) })
        }
    }

    /// Reads the seven rows of the form. Every bad day is reported at once, each under
    /// `field.<day>` so the message names the day ("Tuesday: closing time … must be after …").
    public static func build(from entries: [DayHoursEntry], field: String) throws(ValidationError) -> WeeklyHours {
        var errors = FieldErrorCollector()
        var days: [Int: [MinuteRange]] = [:]
        for entry in entries where (1...7).contains(entry.weekday) && !entry.closed {
            let name = entry.dayName
            let path = "\(field).\(name.lowercased())"
            var ranges: [MinuteRange] = []
            for (index, stretch) in entry.stretches.enumerated() {
                let open = stretch.open.trimmingCharacters(in: .whitespaces)
                let close = stretch.close.trimmingCharacters(in: .whitespaces)
                // An untouched second stretch is simply not used.
                if index > 0, open.isEmpty, close.isEmpty { continue }
                guard let start = MinuteRange.minutes(open), let end = MinuteRange.minutes(close) else {
                    errors.add(path, "give an opening and a closing time such as 09:00 and 17:00, or tick closed")
                    continue
                }
                guard start < end else {
                    errors.add(path, "closing time \(close) must be after opening time \(open)")
                    continue
                }
                ranges.append(MinuteRange(start: start, end: end))
            }
            ranges.sort()
            if zip(ranges, ranges.dropFirst()).contains(where: { $0.end > $1.start }) {
                errors.add(path, "the two stretches overlap")
            } else if !ranges.isEmpty {
                days[entry.weekday] = ranges
            }
        }
        try errors.throwIfAny()
        return WeeklyHours(days)
    }
}
