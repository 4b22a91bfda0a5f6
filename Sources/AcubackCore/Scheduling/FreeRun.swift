import Foundation

/// A stretch of a practitioner's day with free times in it, from the first free start to the end
/// of the last visit that would fit: what the day view offers as "free" to book from.
public struct FreeRun: Sendable, Equatable {
    public let practitionerID: UUID
    public let start: Date
    public let end: Date

    /// Joins free slots (one practitioner's, earliest first) whose starts follow each other by
    /// `step` minutes into runs.
    public static func runs(_ slots: [Slot], step: Int) -> [FreeRun] {
        var runs: [FreeRun] = []
        var current: (first: Slot, last: Slot)?
        for slot in slots {
            if let open = current, slot.practitionerID == open.last.practitionerID,
               slot.start.timeIntervalSince(open.last.start) == Double(step * 60) {
                current = (open.first, slot)
            } else {
                if let open = current { runs.append(FreeRun(open.first, open.last)) }
                current = (slot, slot)
            }
        }
        if let open = current { runs.append(FreeRun(open.first, open.last)) }
        return runs
    }

    private init(_ first: Slot, _ last: Slot) {
        practitionerID = first.practitionerID
        start = first.start
        end = last.interval.end
    }
}
