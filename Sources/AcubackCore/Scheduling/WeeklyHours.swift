import Foundation

/// A stretch of a day in local wall-clock minutes, [start, end).
public struct MinuteRange: Codable, Sendable, Hashable, Comparable {
    public let start: Int
    public let end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// "09:00-17:30".
    public init?(_ text: String) {
        let parts = text.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let start = Self.minutes(parts[0]), let end = Self.minutes(parts[1]), start < end else { return nil }
        self.init(start: start, end: end)
    }

    static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]),
              (0...24).contains(hour), (0..<60).contains(minute), hour * 60 + minute <= 24 * 60
        else { return nil }
        return hour * 60 + minute
    }

    public var text: String { "\(Self.clock(start))-\(Self.clock(end))" }

    public static func clock(_ minutes: Int) -> String { String(format: "%02d:%02d", minutes / 60, minutes % 60) }

    public func intersection(_ other: MinuteRange) -> MinuteRange? {
        let start = max(self.start, other.start)
        let end = min(self.end, other.end)
        return start < end ? MinuteRange(start: start, end: end) : nil
    }

    public func contains(_ range: MinuteRange) -> Bool { start <= range.start && range.end <= end }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.start, lhs.end) < (rhs.start, rhs.end) }
}

/// Hours for each weekday (ISO: Monday = 1 … Sunday = 7), in local time: a clinic's opening hours
/// or a practitioner's working hours.
public struct WeeklyHours: Codable, Sendable, Equatable {
    /// Keyed by ISO weekday as text ("1" … "7") so that the JSON is a plain object.
    public private(set) var days: [String: [MinuteRange]]

    public init(_ days: [Int: [MinuteRange]] = [:]) {
        self.days = Dictionary(uniqueKeysWithValues: days.map { (String($0.key), $0.value.sorted()) })
    }

    public func ranges(on weekday: Int) -> [MinuteRange] { days[String(weekday)] ?? [] }

    public func ranges(on day: CalendarDay) -> [MinuteRange] { ranges(on: day.isoWeekday) }

    /// The hours both have, day by day: a practitioner can only be booked while the clinic is open.
    public func intersection(_ other: WeeklyHours) -> WeeklyHours {
        var result: [Int: [MinuteRange]] = [:]
        for weekday in 1...7 {
            let overlaps = ranges(on: weekday).flatMap { mine in other.ranges(on: weekday).compactMap(mine.intersection) }
            if !overlaps.isEmpty { result[weekday] = overlaps }
        }
        return WeeklyHours(result)
    }

    public var isEmpty: Bool { days.values.allSatisfy(\.isEmpty) }

    /// Monday to Friday 08:00–18:00 and Saturday 09:00–13:00: a sensible start for a new clinic.
    public static let standardClinic = WeeklyHours([
        1: [MinuteRange(start: 480, end: 1080)], 2: [MinuteRange(start: 480, end: 1080)],
        3: [MinuteRange(start: 480, end: 1080)], 4: [MinuteRange(start: 480, end: 1080)],
        5: [MinuteRange(start: 480, end: 1080)], 6: [MinuteRange(start: 540, end: 780)],
    ])

    /// A full-time practitioner's week: Monday to Friday, 09:00–17:00.
    public static let standardPractitioner = WeeklyHours([
        1: [MinuteRange(start: 540, end: 1020)], 2: [MinuteRange(start: 540, end: 1020)],
        3: [MinuteRange(start: 540, end: 1020)], 4: [MinuteRange(start: 540, end: 1020)],
        5: [MinuteRange(start: 540, end: 1020)],
    ])

    /// Reads "1=09:00-12:00,13:00-17:00;2=…" (the form the pages and CLI use), naming bad parts.
    public static func parse(_ text: String, field: String) throws(ValidationError) -> WeeklyHours {
        var days: [Int: [MinuteRange]] = [:]
        for entry in text.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where !entry.isEmpty {
            let parts = entry.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let weekday = Int(parts[0]), (1...7).contains(weekday) else {
                throw ValidationError(field: field, rule: "'\(entry)' must look like 1=09:00-17:00 (weekday 1 = Monday … 7 = Sunday)")
            }
            var ranges: [MinuteRange] = []
            for rangeText in parts[1].split(separator: ",") {
                guard let range = MinuteRange(String(rangeText)) else {
                    throw ValidationError(field: field, rule: "'\(rangeText)' is not a time range such as 09:00-17:00")
                }
                ranges.append(range)
            }
            days[weekday] = ranges.sorted()
        }
        return WeeklyHours(days)
    }

    public var text: String {
        (1...7).compactMap { weekday in
            let ranges = ranges(on: weekday)
            return ranges.isEmpty ? nil : "\(weekday)=" + ranges.map(\.text).joined(separator: ",")
        }.joined(separator: ";")
    }
}
