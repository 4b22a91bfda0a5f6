import AcubackServices
import AcubackCore
import Foundation

/// The practitioner-day template's values: one practitioner's visits on one day.
struct PractitionerDayPage: PageModel {
    struct Option: Sendable {
        let id: String
        let name: String
        let selected: Bool
    }

    struct Visit: Sendable {
        let time: String
        let end: String
        let patient: String
        let patientId: String
        let kind: String
        let room: String
        /// A first consultation still to come: its assessment is recorded on the patient's page.
        let firstConsultation: Bool

        init(_ appointment: AppointmentRecord, zone: TimeZone) {
            time = DisplayTime.clock(appointment.start, in: zone)
            end = DisplayTime.clock(appointment.end, in: zone)
            patient = appointment.patientName
            patientId = appointment.patientID.uuidString
            kind = appointment.kind.rawValue
            room = appointment.roomName
            firstConsultation = appointment.kind == .consultation && appointment.status == .booked
        }
    }

    let date: String
    let dayLabel: String
    let previous: String
    let next: String
    let practitioners: [Option]
    let appointments: [Visit]
    let hasAppointments: Bool

    init(day: CalendarDay, zone: TimeZone, practitioners: [PractitionerRecord], chosen: UUID?, appointments: [AppointmentRecord]) {
        date = day.description
        dayLabel = DisplayTime.day(day.start(in: zone).addingTimeInterval(12 * 3600), in: zone)
        previous = day.adding(days: -1).description
        next = day.adding(days: 1).description
        self.practitioners = practitioners.map { Option(id: $0.id.uuidString, name: $0.name, selected: $0.id == chosen) }
        self.appointments = appointments.map { Visit($0, zone: zone) }
        hasAppointments = !appointments.isEmpty
    }
}

/// The practitioner-hours template's values: the signed-in practitioner's own working week.
struct PractitionerHoursPage: PageModel {
    let name: String
    let hoursForm: HoursForm
    let saved: Bool
    let message: String?
}
