import AcubackServices
import AcubackCore
import Foundation

/// The chair-dashboard template's values: the practitioner's running sessions with their timers,
/// and the booked treatments a session can start from.
struct ChairDashboardPage: PageModel {
    struct RunningRow: Sendable {
        let id: String
        let patientName: String
        let needlesIn: Int
        let planned: Int
        let position: String
        /// Nil rather than empty: Mustache shows a section for any string, even an empty one.
        let room: String?
        /// Nil until the timer starts.
        let endsAt: String?
        let remaining: String?
        let due: Bool?
        let allOut: Bool?

        init(_ record: TreatmentSessionRecord, room: String?, now: Date) {
            let chair = record.chair
            id = record.id.uuidString
            patientName = record.patientName
            needlesIn = chair.ledger.inCount
            planned = chair.planned.count
            position = PositionText.describe(record.position)
            self.room = room.flatMap { $0.isEmpty ? nil : $0 }
            let end = chair.timer.endsAt
            let counting = end != nil && chair.timerIsCounting
            endsAt = end.map(ChairView.iso)
            remaining = counting ? ChairView.countdown(chair.timer.remaining(at: now) ?? 0) : nil
            due = counting ? chair.timer.isDue(at: now) : nil
            allOut = end != nil && !counting ? true : nil
        }
    }

    struct Choice: Sendable {
        let id: String
        let label: String
    }

    struct Position: Sendable {
        let value: String
        let label: String
    }

    let isPractitioner: Bool
    let serverTime: String
    let running: [RunningRow]
    let hasRunning: Bool
    /// The booked treatments to start from, the nearest first.
    let appointments: [Choice]
    let hasAppointments: Bool
    let positions: [Position]
    let message: String?

    init(_ day: ChairDay, isPractitioner: Bool, now: Date, zone: TimeZone, message: String?) {
        self.isPractitioner = isPractitioner
        serverTime = ChairView.iso(now)
        running = day.running.map { RunningRow($0, room: day.rooms[$0.id], now: now) }
        hasRunning = !day.running.isEmpty
        let today = CalendarDay(now, in: zone)
        appointments = day.waiting.prefix(20).map {
            let day = CalendarDay($0.start, in: zone) == today ? "Today" : DisplayTime.day($0.start, in: zone)
            let here = $0.status == .arrived ? " (arrived)" : ""
            return Choice(id: $0.id.uuidString, label: "\(day) \(DisplayTime.clock($0.start, in: zone)) – \($0.patientName)\(here)")
        }
        hasAppointments = !appointments.isEmpty
        positions = TreatmentPosition.allCases.map { Position(value: $0.rawValue, label: PositionText.describe($0)) }
        self.message = message
    }
}
