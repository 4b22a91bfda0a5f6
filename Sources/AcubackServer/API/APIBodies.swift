import AcubackServices
import AcubackCore
import Foundation

// The API's JSON shapes for records, converted to the generated types through `JSONBridge`.

struct QualificationBody: Encodable {
    let id: String
    let issuingBody: String
    let number: String?
    let validFrom: String
    let validTo: String
    let verified: Bool

    init(_ record: CertificateRecord, showNumber: Bool) {
        id = record.id.uuidString
        issuingBody = record.certificate.issuingBody
        number = showNumber ? record.certificate.number : nil
        validFrom = record.certificate.validFrom.description
        validTo = record.certificate.validTo.description
        verified = record.certificate.isVerified
    }
}

struct PractitionerBody: Encodable {
    let id: String
    let name: String
    let profession: String
    let biography: String
    let practisingSince: Int
    let certified: Bool
    let qualifications: [QualificationBody]

    init(_ record: PractitionerRecord, today: CalendarDay, staffView: Bool) {
        id = record.id.uuidString
        name = record.name
        profession = record.profession
        biography = record.biography
        practisingSince = record.practisingSince
        certified = record.isCertified(on: today)
        qualifications = record.certificates
            .filter { staffView || $0.certificate.permitsTreatment(on: today) }
            .map { QualificationBody($0, showNumber: staffView) }
    }
}

struct AppointmentBody: Encodable {
    let id: String
    let patientId: String
    let patientName: String
    let practitionerId: String
    let practitionerName: String
    let roomId: String?
    let roomName: String?
    let courseId: String?
    let kind: AppointmentKind
    let status: AppointmentStatus
    let start: Date
    let end: Date
    let minutes: Int

    init(_ record: AppointmentRecord) {
        id = record.id.uuidString
        patientId = record.patientID.uuidString
        patientName = record.patientName
        practitionerId = record.practitionerID.uuidString
        practitionerName = record.practitionerName
        roomId = record.roomID?.uuidString
        roomName = record.roomName.isEmpty ? nil : record.roomName
        courseId = record.courseID?.uuidString
        kind = record.kind
        status = record.status
        start = record.start
        end = record.end
        minutes = record.minutes
    }
}

struct FreeSlotBody: Encodable {
    let start: Date
    let end: Date
    let practitionerId: String
    let practitionerName: String
    let roomId: String?

    init(_ slot: Slot, practitionerName: String) {
        start = slot.start
        end = slot.interval.end
        practitionerId = slot.practitionerID.uuidString
        self.practitionerName = practitionerName
        roomId = slot.roomID?.uuidString
    }
}

struct CourseBody: Encodable {
    let id: String
    let patientId: String
    let practitionerId: String
    let sessions: Int
    let perWeek: Int
    let kind: AppointmentKind
    let status: String
    let regimen: RegimenBody
    let planId: String?
    let region: String?
    let `protocol`: String?
    let extendsCourseId: String?
    let appointments: [AppointmentBody]

    init(_ course: CourseRecord, appointments: [AppointmentRecord]) {
        regimen = RegimenBody(course.regimen)
        planId = course.planID?.uuidString
        region = course.region
        `protocol` = course.protocolName
        extendsCourseId = course.extendsCourseID?.uuidString
        id = course.id.uuidString
        patientId = course.patientID.uuidString
        practitionerId = course.practitionerID.uuidString
        sessions = course.sessions
        perWeek = course.perWeek
        kind = course.kind
        status = course.status
        self.appointments = appointments.map(AppointmentBody.init)
    }
}

/// Reads a UUID from a path or body field, naming the field when it is not one.
func uuid(_ text: String?, field: String) throws -> UUID? {
    guard let text else { return nil }
    guard let id = UUID(uuidString: text) else { throw ValidationError(field: field, rule: "must be a UUID") }
    return id
}
