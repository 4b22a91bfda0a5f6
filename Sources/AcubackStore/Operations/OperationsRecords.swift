import AcubackCore
import Foundation

public struct RoomRecord: Sendable, Equatable {
    public let id: UUID
    public let name: String
    /// When the room stopped being offered for new bookings; nil while it is in use.
    public var retiredAt: Date? = nil

    public var isRetired: Bool { retiredAt != nil }
}

public struct CertificateRecord: Sendable, Equatable {
    public let id: UUID
    public let practitionerID: UUID
    public let certificate: Certificate
}

public struct PractitionerRecord: Sendable, Equatable {
    public let id: UUID
    public let clinicID: UUID
    public let userID: UUID?
    public let name: String
    public let profession: String
    public let biography: String
    public let practisingSince: Int
    public let hours: WeeklyHours
    public let certificates: [CertificateRecord]
    public let exceptions: [AvailabilityException]

    /// Whether a verified certificate permits treating on `day`.
    public func isCertified(on day: CalendarDay) -> Bool {
        certificates.map(\.certificate).permitTreatment(on: day)
    }

    public func calendar(busy: [BusyInterval]) -> PractitionerCalendar {
        PractitionerCalendar(
            practitionerID: id, name: name, hours: hours, exceptions: exceptions,
            certificates: certificates.map(\.certificate), busy: BusyTimes(busy))
    }
}

public struct AppointmentRecord: Sendable, Equatable {
    public let id: UUID
    public let clinicID: UUID
    public let patientID: UUID
    public let practitionerID: UUID
    public let roomID: UUID?
    public let courseID: UUID?
    public let kind: AppointmentKind
    public let status: AppointmentStatus
    public let start: Date
    public let minutes: Int
    public var patientName = ""
    public var practitionerName = ""
    public var roomName = ""

    public var end: Date { start.addingTimeInterval(Double(minutes) * 60) }
}

/// A booking to make.
public struct NewAppointment: Sendable, Equatable {
    public let clinicID: UUID
    public let patientID: UUID
    public let practitionerID: UUID
    public let roomID: UUID?
    /// Other rooms free at that time when the calendars were read, in the order to try them.
    public let spareRooms: [UUID]
    public let kind: AppointmentKind
    public let start: Date
    public let minutes: Int

    public init(
        clinicID: UUID, patientID: UUID, practitionerID: UUID, roomID: UUID?, spareRooms: [UUID] = [], kind: AppointmentKind, start: Date, minutes: Int
    ) {
        self.spareRooms = spareRooms
        self.clinicID = clinicID
        self.patientID = patientID
        self.practitionerID = practitionerID
        self.roomID = roomID
        self.kind = kind
        self.start = start
        self.minutes = minutes
    }
}

public struct CourseRecord: Sendable, Equatable {
    public let id: UUID
    public let clinicID: UUID
    public let patientID: UUID
    public let practitionerID: UUID
    public let sessions: Int
    public let perWeek: Int
    public let kind: AppointmentKind
    public let status: String
    public let createdAt: Date
    public let regimen: Regimen
    public let planID: UUID?
    public let region: String?
    public let protocolName: String?
    /// The course this one extends with the extra sessions offered to a partial responder.
    public let extendsCourseID: UUID?
    public let baselineMeasureID: UUID?
    public let latestMeasureID: UUID?
}

extension CourseModel {
    var record: CourseRecord {
        let regimen = regimenJSON.flatMap { try? SessionCoding.decode(Regimen.self, from: $0) } ?? .clinic(sessions: sessions, perWeek: perWeek)
        return CourseRecord(
            id: id!, clinicID: clinicID, patientID: $patient.id, practitionerID: $practitioner.id, sessions: sessions, perWeek: perWeek,
            kind: kind, status: status, createdAt: createdAt, regimen: regimen, planID: planID,
            region: region, protocolName: protocolName, extendsCourseID: extendsCourseID, baselineMeasureID: baselineMeasureID,
            latestMeasureID: latestMeasureID)
    }
}

/// A booking refused by the database because its time is already taken.
public struct SlotTaken: Error, Sendable, Equatable, CustomStringConvertible {
    /// The start of the booking already holding the time.
    public let conflictingStart: Date
    public let resource: String

    public var description: String {
        "the \(resource) already has a booking at \(ISO8601DateFormatter().string(from: conflictingStart))"
    }
}

extension PractitionerModel {
    func record(certificates: [CertificateModel], exceptions: [AvailabilityExceptionModel]) -> PractitionerRecord {
        PractitionerRecord(
            id: id!, clinicID: $clinic.id, userID: $user.id, name: displayName, profession: profession,
            biography: biography, practisingSince: practisingSince,
            hours: weeklyHours.flatMap { try? WeeklyHours.parse($0, field: "hours") } ?? .standardPractitioner,
            certificates: certificates.map { CertificateRecord(id: $0.id!, practitionerID: $0.$practitioner.id, certificate: $0.certificate) },
            exceptions: exceptions.compactMap { model in
                guard let first = CalendarDay(model.firstDay), let last = CalendarDay(model.lastDay) else { return nil }
                return AvailabilityException(firstDay: first, lastDay: last, reason: model.reason)
            })
    }
}

extension AppointmentModel {
    var record: AppointmentRecord {
        AppointmentRecord(
            id: id!, clinicID: $clinic.id, patientID: $patient.id, practitionerID: $practitioner.id, roomID: $room.id,
            courseID: courseID, kind: kind,
            status: status, start: startsAt, minutes: minutes)
    }
}
