import AcubackServices
import AcubackCore
import Foundation

/// The reception template's values: practitioners and rooms on a timeline of the day, the
/// booking form, and the day's appointments with the steps the desk can take on each.
struct DayViewPage: PageModel {
    /// The stretch of the day the timeline spans, and where a time sits on it, in percent of its width.
    struct Timeline {
        /// The day's minute 0, as the slot finder counts minutes.
        let origin: Date
        let axis: MinuteRange

        func percent(_ minutes: Double) -> String {
            String(format: "%.2f", minutes / Double(axis.end - axis.start) * 100)
        }

        func place(_ start: Date, minutes: Double) -> (left: String, width: String) {
            let startMinute = Int(start.timeIntervalSince(origin) / 60)
            return (percent(max(0, Double(startMinute - axis.start))), percent(minutes))
        }
    }

    struct Hour: Sendable {
        let label: String
        let left: String
    }

    /// A visit on the timeline, or (`free`) a stretch a visit can be booked in.
    struct Block: Sendable {
        let free: Bool
        let left: String
        let width: String
        let time: String
        let id: String?
        let patient: String?
        let patientId: String?
        let kind: String?
        let until: String?
        let href: String?

        init(_ appointment: AppointmentRecord, on timeline: Timeline, zone: TimeZone) {
            free = false
            (left, width) = timeline.place(appointment.start, minutes: Double(appointment.minutes))
            time = DisplayTime.clock(appointment.start, in: zone)
            id = appointment.id.uuidString
            patient = appointment.patientName
            patientId = appointment.patientID.uuidString
            kind = appointment.kind.rawValue
            until = nil
            href = nil
        }

        /// The free stretch links to the booking form, filled with its practitioner and start.
        init(free run: FreeRun, on timeline: Timeline, day: CalendarDay, zone: TimeZone) {
            free = true
            (left, width) = timeline.place(run.start, minutes: run.end.timeIntervalSince(run.start) / 60)
            time = DisplayTime.clock(run.start, in: zone)
            id = nil
            patient = nil
            patientId = nil
            kind = nil
            until = DisplayTime.clock(run.end, in: zone)
            href = "/reception?date=\(day)&practitioner=\(run.practitionerID.uuidString)&start=\(LocalTime.input(run.start, in: zone))#reception-book"
        }
    }

    /// One line of the timeline: a practitioner or a room.
    struct Row: Sendable {
        let label: String
        let kind: String
        let certified: Bool
        let blocks: [Block]
    }

    struct AppointmentRow: Sendable {
        let id: String
        let time: String
        let patient: String
        let patientId: String
        let kind: String
        let with: String
        let room: String
        let minutes: Int
        let status: String
        let statusClass: String
        let canArrive: Bool
        let canNoShow: Bool
        let canChange: Bool
        let moveTo: String

        init(_ appointment: AppointmentRecord, now: Date, zone: TimeZone) {
            id = appointment.id.uuidString
            time = DisplayTime.clock(appointment.start, in: zone)
            patient = appointment.patientName
            patientId = appointment.patientID.uuidString
            kind = appointment.kind.rawValue
            with = appointment.practitionerName
            room = appointment.roomName
            minutes = appointment.minutes
            status = PlainWords.status(appointment.status)
            statusClass = appointment.status.rawValue
            canArrive = appointment.status == .booked && CalendarDay(appointment.start, in: zone) == CalendarDay(now, in: zone)
            canNoShow = appointment.status == .booked && appointment.start <= now
            canChange = appointment.status == .booked
            moveTo = LocalTime.input(appointment.start, in: zone)
        }
    }

    struct Option: Sendable {
        let id: String
        let name: String
        let selected: Bool
    }

    struct KindOption: Sendable {
        let value: String
        let minutes: Int
        let selected: Bool
    }

    let date: String
    let dayLabel: String
    let previous: String
    let next: String
    let closed: Bool
    /// The holiday's name when the day is one.
    let holiday: String?
    let hours: [Hour]
    let rows: [Row]
    let appointments: [AppointmentRow]
    let patients: [Option]
    let practitioners: [Option]
    let kinds: [KindOption]
    let defaultStart: String
    /// What the step before the redirect did.
    let done: String?
    let message: String?

    /// `typed`: the booking form as sent, or as a free time on the timeline fills it.
    init(
        day: CalendarDay, settings: ClinicSettings, appointments: [AppointmentRecord], free: [FreeRun], practitioners: [PractitionerRecord],
        rooms: [RoomRecord], patients: [PatientRecord], typed: FormFields?, now: Date, done: String?, message: String?
    ) {
        let zone = settings.zone
        let open = settings.openingHours.ranges(on: day)
        let finder = SlotFinder(settings: settings, rooms: [])
        let timeline = Timeline(
            origin: finder.instant(day, minute: 0), axis: MinuteRange(start: open.map(\.start).min() ?? 480, end: open.map(\.end).max() ?? 1080))
        let axis = timeline.axis
        date = day.description
        dayLabel = DisplayTime.day(day.start(in: zone).addingTimeInterval(12 * 3600), in: zone)
        previous = day.adding(days: -1).description
        next = day.adding(days: 1).description
        closed = settings.isClosed(on: day)
        holiday = settings.holiday(on: day).map { $0.label.isEmpty ? "a holiday" : $0.label }
        hours = stride(from: (axis.start + 59) / 60 * 60, to: axis.end, by: 60).map {
            Hour(label: MinuteRange.clock($0), left: timeline.percent(Double($0 - axis.start)))
        }
        rows = practitioners.map { practitioner in
            Row(
                label: practitioner.name, kind: "practitioner", certified: practitioner.isCertified(on: day),
                blocks: appointments.filter { $0.practitionerID == practitioner.id }.map { Block($0, on: timeline, zone: zone) }
                    + free.filter { $0.practitionerID == practitioner.id }.map { Block(free: $0, on: timeline, day: day, zone: zone) })
        } + rooms.map { room in
            Row(label: room.name, kind: "room", certified: true, blocks: appointments.filter { $0.roomID == room.id }.map { Block($0, on: timeline, zone: zone) })
        }
        self.appointments = appointments.map { AppointmentRow($0, now: now, zone: zone) }
        self.patients = patients.map {
            Option(id: $0.id.uuidString, name: "\($0.familyName), \($0.givenName) (\($0.birthDate))", selected: typed?.text("patient") == $0.id.uuidString)
        }
        self.practitioners = practitioners.map {
            Option(id: $0.id.uuidString, name: $0.name, selected: typed?.text("practitioner") == $0.id.uuidString)
        }
        kinds = AppointmentKind.allCases.map {
            KindOption(value: $0.rawValue, minutes: settings.minutes(for: $0), selected: typed?.text("kind") == $0.rawValue)
        }
        // Without a form to keep, the start is the next quarter hour from now today (not a time
        // already past), or the opening on another day.
        let nextQuarter = Int(now.timeIntervalSince(timeline.origin) / 60 / 15 + 1) * 15
        let firstMinute = day == CalendarDay(now, in: zone) ? max(axis.start, nextQuarter) : axis.start
        defaultStart = typed.map { $0.text("start") } ?? LocalTime.input(finder.instant(day, minute: firstMinute), in: zone)
        self.done = done
        self.message = message
    }
}
