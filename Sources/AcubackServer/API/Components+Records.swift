import AcubackAPI
import AcubackCore
import AcubackServices
import Foundation

// Records mapped straight to the API's generated types. The enums are mapped case by case, so a
// case added on one side and not the other fails to compile rather than at run time.

extension Components.Schemas.Patient {
    init(_ record: PatientRecord) {
        self.init(
            id: record.id.uuidString, givenName: record.givenName, familyName: record.familyName, birthDate: record.birthDate,
            email: record.email, phone: record.phone)
    }
}

extension Components.Schemas.Appointment {
    init(_ record: AppointmentRecord) {
        self.init(
            id: record.id.uuidString, patientId: record.patientID.uuidString, patientName: record.patientName,
            practitionerId: record.practitionerID.uuidString, practitionerName: record.practitionerName,
            roomId: record.roomID?.uuidString, roomName: record.roomName.isEmpty ? nil : record.roomName,
            courseId: record.courseID?.uuidString, kind: .init(record.kind), status: .init(record.status), start: record.start,
            end: record.end, minutes: record.minutes)
    }
}

extension Components.Schemas.AppointmentKind {
    init(_ kind: AppointmentKind) {
        switch kind {
        case .consultation: self = .consultation
        case .treatment: self = .treatment
        case .review: self = .review
        }
    }
}

extension Components.Schemas.Appointment.StatusPayload {
    init(_ status: AppointmentStatus) {
        switch status {
        case .booked: self = .booked
        case .arrived: self = .arrived
        case .completed: self = .completed
        case .cancelled: self = .cancelled
        case .noShow: self = .noShow
        }
    }
}

extension Components.Schemas.FreeSlot {
    init(_ slot: Slot, practitionerName: String) {
        self.init(
            start: slot.start, end: slot.interval.end, practitionerId: slot.practitionerID.uuidString, practitionerName: practitionerName,
            roomId: slot.roomID?.uuidString)
    }
}

extension Components.Schemas.Course {
    init(_ course: CourseRecord, appointments: [AppointmentRecord]) {
        self.init(
            id: course.id.uuidString, patientId: course.patientID.uuidString, practitionerId: course.practitionerID.uuidString,
            sessions: course.sessions, perWeek: course.perWeek, kind: .init(course.kind), status: course.status,
            regimen: .init(course.regimen), planId: course.planID?.uuidString, region: course.region, _protocol: course.protocolName,
            extendsCourseId: course.extendsCourseID?.uuidString, appointments: appointments.map(Components.Schemas.Appointment.init))
    }
}

extension Components.Schemas.Regimen {
    init(_ regimen: Regimen) {
        self.init(
            origin: .init(regimen.origin), name: regimen.name, summary: regimen.summary, sessions: regimen.sessions, weeks: regimen.weeks,
            phases: regimen.phases.map { .init(sessions: $0.sessions, perWeek: $0.perWeek) }, reviewAfter: regimen.reviewAfter,
            source: regimen.source.map { .init(id: $0.id, citation: $0.citation, link: $0.link) })
    }
}

extension Components.Schemas.Regimen.OriginPayload {
    init(_ origin: Regimen.Origin) {
        switch origin {
        case .gerac: self = .gerac
        case .cherkin2009: self = .cherkin2009
        case .brinkhaus2006: self = .brinkhaus2006
        case .clinic: self = .clinic
        }
    }
}

extension Components.Schemas.Practitioner {
    /// The directory entry; the public sees only certificates that permit treatment today, and no numbers.
    init(_ record: PractitionerRecord, today: CalendarDay, staffView: Bool) {
        self.init(
            id: record.id.uuidString, name: record.name, profession: record.profession, biography: record.biography,
            practisingSince: record.practisingSince, certified: record.isCertified(on: today),
            qualifications: record.certificates.filter { staffView || $0.certificate.permitsTreatment(on: today) }
                .map { .init($0, showNumber: staffView) })
    }
}

extension Components.Schemas.Qualification {
    init(_ record: CertificateRecord, showNumber: Bool) {
        self.init(
            id: record.id.uuidString, issuingBody: record.certificate.issuingBody, number: showNumber ? record.certificate.number : nil,
            validFrom: record.certificate.validFrom.description, validTo: record.certificate.validTo.description,
            verified: record.certificate.isVerified)
    }
}

extension Components.Schemas.CheckIn {
    init(_ record: CheckInRecord) {
        let checkIn = record.checkIn
        self.init(
            id: record.id.uuidString, sessionId: record.sessionID.uuidString, enteredAt: record.enteredAt,
            enteredByRole: .init(record.enteredByRole), soreness: checkIn.soreness, sorenessHoursAfter: checkIn.sorenessHoursAfter,
            tiredness: checkIn.tiredness, neededSleep: checkIn.neededSleep, bruising: checkIn.bruising, breathlessness: checkIn.breathlessness,
            other: checkIn.other, serious: checkIn.isSerious)
    }
}

extension Components.Schemas.CheckIn.EnteredByRolePayload {
    init(_ role: Role) {
        switch role {
        case .admin: self = .admin
        case .practitioner: self = .practitioner
        case .reception: self = .reception
        case .patient: self = .patient
        }
    }
}

extension Components.Schemas.Incident {
    init(_ record: IncidentRecord) {
        self.init(
            id: record.id.uuidString, sessionId: record.sessionID.uuidString, patientId: record.patientID.uuidString,
            patientName: record.patientName, kind: .init(record.kind), detail: record.detail, occurredAt: record.occurredAt,
            status: .init(record.status), ownerId: record.ownerUserID?.uuidString, ownerName: record.ownerName.isEmpty ? nil : record.ownerName,
            outcome: record.outcome.isEmpty ? nil : record.outcome, closedAt: record.closedAt)
    }
}

extension Components.Schemas.Incident.KindPayload {
    init(_ kind: IncidentRecord.Kind) {
        switch kind {
        case .needleLost: self = .needleLost
        case .seriousAfterEffect: self = .seriousAfterEffect
        }
    }
}

extension Components.Schemas.Incident.StatusPayload {
    init(_ status: IncidentStatus) {
        switch status {
        case .open: self = .open
        case .investigating: self = .investigating
        case .closed: self = .closed
        }
    }
}
