import Foundation

/// One practitioner's bookable time: working hours, leave, certificates and bookings.
public struct PractitionerCalendar: Sendable {
    public let practitionerID: UUID
    public let name: String
    public let hours: WeeklyHours
    public let exceptions: [AvailabilityException]
    public let certificates: [Certificate]
    public var busy: BusyTimes

    public init(
        practitionerID: UUID, name: String, hours: WeeklyHours, exceptions: [AvailabilityException] = [],
        certificates: [Certificate], busy: BusyTimes = BusyTimes()
    ) {
        self.practitionerID = practitionerID
        self.name = name
        self.hours = hours
        self.exceptions = exceptions
        self.certificates = certificates
        self.busy = busy
    }
}

/// A treatment room and its bookings.
public struct RoomCalendar: Sendable {
    public let roomID: UUID
    public let name: String
    public var busy: BusyTimes

    public init(roomID: UUID, name: String, busy: BusyTimes = BusyTimes()) {
        self.roomID = roomID
        self.name = name
        self.busy = busy
    }
}

/// A time that can be booked: when, with whom, where.
public struct Slot: Sendable, Hashable, Codable {
    public let start: Date
    public let minutes: Int
    public let practitionerID: UUID
    public let roomID: UUID?

    public var interval: BusyInterval { BusyInterval(start: start, minutes: minutes) }
}

/// Why a time cannot be booked, in words a receptionist can act on.
public enum BookingRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    case inThePast
    case notOnTheGrid
    case clinicClosed(String)
    /// The clinic is closed all day for a holiday (with its label, which may be empty).
    case clinicHoliday(CalendarDay, String)
    case outsideWorkingHours(String)
    case onLeave(CalendarDay, String)
    case notCertified(CalendarDay)
    case practitionerBusy(Date)
    case noRoomFree

    public var description: String {
        switch self {
        case .inThePast: "the time is in the past"
        case .notOnTheGrid: "appointments start on the hour or at a multiple of \(SlotGrid.minutes) minutes past"
        case .clinicClosed(let when): "the clinic is closed at \(when)"
        case .clinicHoliday(let day, let label): "the clinic is closed on \(day)\(label.isEmpty ? "" : " (\(label))")"
        case .outsideWorkingHours(let when): "the practitioner does not work at \(when)"
        case .onLeave(let day, let reason): "the practitioner is away on \(day) (\(reason))"
        case .notCertified(let day): "the practitioner has no verified certificate valid on \(day)"
        case .practitionerBusy(let start): "the practitioner already has a booking at \(Self.format(start))"
        case .noRoomFree: "no treatment room is free then"
        }
    }

    static func format(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }
}

/// The one place that says whether a time can be booked, used both to check a requested booking
/// and to search for free times.
public struct SlotFinder: Sendable {
    public let settings: ClinicSettings
    public var rooms: [RoomCalendar]
    let calendar: Calendar

    public init(settings: ClinicSettings, rooms: [RoomCalendar]) {
        self.settings = settings
        self.rooms = rooms
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = settings.zone
        self.calendar = calendar
    }

    /// The instant of `minute` past midnight on `day`, in the clinic's time zone.
    public func instant(_ day: CalendarDay, minute: Int) -> Date {
        calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: minute / 60, minute: minute % 60))!
    }

    /// Whether `minutes` from `start` can be booked with `practitioner`; the room it would use when it can.
    public func check(start: Date, minutes: Int, practitioner: PractitionerCalendar, now: Date) -> Result<RoomCalendar?, BookingRefusal> {
        guard start > now else { return .failure(.inThePast) }
        guard SlotGrid.isAligned(start) else { return .failure(.notOnTheGrid) }
        let day = CalendarDay(start, in: settings.zone)
        let parts = calendar.dateComponents([.hour, .minute], from: start)
        let from = parts.hour! * 60 + parts.minute!
        let wanted = MinuteRange(start: from, end: from + minutes)
        let when = "\(day) \(MinuteRange.clock(from))"
        if let holiday = settings.holiday(on: day) { return .failure(.clinicHoliday(day, holiday.label)) }
        guard settings.openingHours.ranges(on: day).contains(where: { $0.contains(wanted) }) else {
            return .failure(.clinicClosed(when))
        }
        guard practitioner.hours.ranges(on: day).contains(where: { $0.contains(wanted) }) else {
            return .failure(.outsideWorkingHours(when))
        }
        if let leave = practitioner.exceptions.first(where: { $0.covers(day) }) { return .failure(.onLeave(day, leave.reason)) }
        guard practitioner.certificates.permitTreatment(on: day) else { return .failure(.notCertified(day)) }
        if let conflict = practitioner.busy.conflict(with: BusyInterval(start: start, minutes: minutes)) { return .failure(.practitionerBusy(conflict.start)) }
        if rooms.isEmpty { return .success(nil) }
        guard let room = freeRooms(start: start, minutes: minutes).first else { return .failure(.noRoomFree) }
        return .success(room)
    }

    /// The rooms free for `minutes` from `start`, in the order bookings take them: the first is the
    /// one `check` offers, the rest are where the store may put the booking if another took it first.
    public func freeRooms(start: Date, minutes: Int) -> [RoomCalendar] {
        let interval = BusyInterval(start: start, minutes: minutes)
        return rooms.filter { $0.busy.isFree(interval) }
    }

    /// Free times for `practitioner` between `from` and `to`, starting every `step` minutes, at most `limit`.
    public func freeSlots(
        for practitioner: PractitionerCalendar, minutes: Int, from: Date, to: Date, now: Date, step: Int = 15, limit: Int = 50
    ) -> [Slot] {
        var slots: [Slot] = []
        var day = CalendarDay(max(from, now), in: settings.zone)
        let lastDay = CalendarDay(to, in: settings.zone)
        while day <= lastDay, slots.count < limit {
            slots += freeSlots(on: day, for: practitioner, minutes: minutes, after: max(from, now), before: to, step: step, limit: limit - slots.count)
            day = day.adding(days: 1)
        }
        return slots
    }

    /// Free times on one day, earliest first.
    public func freeSlots(
        on day: CalendarDay, for practitioner: PractitionerCalendar, minutes: Int, after: Date, before: Date, step: Int = 15,
        limit: Int = .max
    ) -> [Slot] {
        // Cheap whole-day checks first: most days of a busy search fail here.
        guard settings.holiday(on: day) == nil, !practitioner.exceptions.contains(where: { $0.covers(day) }),
              practitioner.certificates.permitTreatment(on: day)
        else { return [] }
        let ranges = practitioner.hours.ranges(on: day).flatMap { work in
            settings.openingHours.ranges(on: day).compactMap(work.intersection)
        }
        var slots: [Slot] = []
        for range in ranges {
            var minute = (range.start + step - 1) / step * step
            while minute + minutes <= range.end, slots.count < limit {
                let start = instant(day, minute: minute)
                if start > after, start < before {
                    let interval = BusyInterval(start: start, minutes: minutes)
                    if practitioner.busy.isFree(interval) {
                        if rooms.isEmpty {
                            slots.append(Slot(start: start, minutes: minutes, practitionerID: practitioner.practitionerID, roomID: nil))
                        } else if let room = rooms.first(where: { $0.busy.isFree(interval) }) {
                            slots.append(Slot(start: start, minutes: minutes, practitionerID: practitioner.practitionerID, roomID: room.roomID))
                        }
                    }
                }
                minute += step
            }
        }
        return slots
    }

    /// Marks a slot as taken, so a search for a series does not use it twice.
    public mutating func take(_ slot: Slot, from practitioner: inout PractitionerCalendar) {
        practitioner.busy.insert(slot.interval)
        if let roomID = slot.roomID, let index = rooms.firstIndex(where: { $0.roomID == roomID }) {
            rooms[index].busy.insert(slot.interval)
        }
    }
}
