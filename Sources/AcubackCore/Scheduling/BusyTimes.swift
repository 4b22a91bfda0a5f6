import Foundation

/// A stretch of time, [start, end).
public struct BusyInterval: Sendable, Hashable, Comparable {
    public let start: Date
    public let end: Date

    public init(start: Date, end: Date) {
        self.start = start
        self.end = end
    }

    public init(start: Date, minutes: Int) {
        self.init(start: start, end: start.addingTimeInterval(Double(minutes) * 60))
    }

    public func overlaps(_ other: Self) -> Bool { start < other.end && other.start < end }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.start, lhs.end) < (rhs.start, rhs.end) }
}

/// The booked stretches of one practitioner or room, kept sorted so a free check is a binary search.
public struct BusyTimes: Sendable, Equatable {
    private(set) var intervals: [BusyInterval]

    public init(_ intervals: [BusyInterval] = []) {
        self.intervals = intervals.sorted()
    }

    /// The first booked stretch overlapping `interval`, if any.
    public func conflict(with interval: BusyInterval) -> BusyInterval? {
        // First stretch that ends after the interval starts.
        var low = 0
        var high = intervals.count
        while low < high {
            let middle = (low + high) / 2
            if intervals[middle].end <= interval.start { low = middle + 1 } else { high = middle }
        }
        var index = low
        while index < intervals.count, intervals[index].start < interval.end {
            if intervals[index].overlaps(interval) { return intervals[index] }
            index += 1
        }
        return nil
    }

    public func isFree(_ interval: BusyInterval) -> Bool { conflict(with: interval) == nil }

    public mutating func insert(_ interval: BusyInterval) {
        let index = intervals.firstIndex { $0 > interval } ?? intervals.count
        intervals.insert(interval, at: index)
    }

    public var count: Int { intervals.count }
}
