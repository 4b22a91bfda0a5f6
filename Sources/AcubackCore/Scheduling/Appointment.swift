import Foundation

/// What an appointment is for; each kind has a length the clinic sets.
public enum AppointmentKind: String, Codable, Sendable, CaseIterable {
    case consultation, treatment, review

    /// Lengths used until a clinic sets its own.
    public var defaultMinutes: Int {
        switch self {
        case .consultation: 60
        case .treatment: 45
        case .review: 30
        }
    }
}

public enum AppointmentStatus: String, Codable, Sendable, CaseIterable {
    /// `arrived`: the desk has seen the patient in the waiting room; the visit is still to happen.
    case booked, arrived, completed, cancelled, noShow

    /// Still to happen: a session or consultation may take place on it.
    public var isOpen: Bool { self == .booked || self == .arrived }
}

/// The fixed units that bookings occupy; the store keeps one row per unit with a unique
/// (practitioner, slot start) index, which makes a double booking impossible in the database itself.
public enum SlotGrid {
    public static let minutes = 5

    /// True when `instant` falls on a slot boundary (whole minutes, a multiple of the slot length).
    public static func isAligned(_ instant: Date) -> Bool {
        let seconds = Int(instant.timeIntervalSince1970.rounded())
        return Double(seconds) == instant.timeIntervalSince1970 && seconds % (minutes * 60) == 0
    }

    /// The start of every slot an appointment occupies.
    public static func slotStarts(from start: Date, minutes length: Int) -> [Date] {
        let count = Int((Double(length) / Double(minutes)).rounded(.up))
        return (0..<count).map { start.addingTimeInterval(TimeInterval($0 * minutes * 60)) }
    }
}
