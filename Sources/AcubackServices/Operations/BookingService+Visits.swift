import AcubackCore
import AcubackStore
import Foundation

/// Reading visits: one place decides who may see which, and each read of a schedule or of a
/// patient's visits leaves its audit event.
extension BookingService {
    /// The visit, when the actor may see it: their own as a patient, their clinic's as staff who
    /// read the schedule. Anyone else's, or none, is not found.
    public func visit(id: UUID, by actor: Actor) async throws -> AppointmentRecord {
        guard let visit = try await bookings.appointment(id: id), visit.clinicID == actor.clinicID else {
            throw NotFound(detail: "No such appointment")
        }
        if actor.role == .patient {
            guard visit.patientID == actor.patientID else { throw NotFound(detail: "No such appointment") }
        } else {
            try AccessPolicy.require(actor, .readSchedule, .clinic(actor.clinicID))
        }
        return visit
    }

    /// The desk's day: every visit of the clinic on `day`, audited as a read of the schedule.
    public func clinicDay(_ day: CalendarDay, in zone: TimeZone, by actor: Actor, from address: String?) async throws -> [AppointmentRecord] {
        try await visits(
            from: day.start(in: zone), to: day.adding(days: 1).start(in: zone), by: actor, from: address,
            audit: (.scheduleRead, .day, day.description))
    }

    /// One practitioner's day, audited as a read of the schedule.
    public func practitionerDay(
        _ day: CalendarDay, in zone: TimeZone, practitionerID: UUID?, by actor: Actor, from address: String?
    ) async throws -> [AppointmentRecord] {
        try await visits(
            from: day.start(in: zone), to: day.adding(days: 1).start(in: zone), practitionerID: practitionerID, by: actor, from: address,
            audit: (.scheduleRead, .practitionerDay, day.description))
    }

    /// The visit, when the actor may see it and it is still booked, so that it may be moved or cancelled.
    public func bookedVisit(id: UUID, by actor: Actor) async throws -> AppointmentRecord {
        let visit = try await visit(id: id, by: actor)
        guard visit.status == .booked else { throw BookingError.notBooked(visit.status) }
        return visit
    }

    /// The visits between `from` and `to`, of one practitioner or patient if named. A patient sees
    /// only their own, whatever they ask for; staff need the schedule. The read is audited.
    public func visits(
        from: Date, to: Date, practitionerID: UUID? = nil, patientID: UUID? = nil, by actor: Actor, from address: String?
    ) async throws -> [AppointmentRecord] {
        try await visits(
            from: from, to: to, practitionerID: practitionerID, patientID: patientID, by: actor, from: address,
            audit: (.appointmentList, .appointments, nil))
    }

    private func visits(
        from: Date, to: Date, practitionerID: UUID? = nil, patientID: UUID? = nil, by actor: Actor, from address: String?,
        audit: (action: AuditAction, recordType: AuditRecordType, recordID: String?)
    ) async throws -> [AppointmentRecord] {
        var patientID = patientID
        // Another clinic's patient is not found, for anyone: not even that they exist is told.
        if let patientID, try await services.patientStore.patient(id: patientID)?.clinicID != actor.clinicID {
            throw NotFound(detail: "No such patient")
        }
        if actor.role == .patient {
            guard patientID == nil || patientID == actor.patientID, let own = actor.patientID else {
                throw AccessDenied(signedIn: true, reason: "another patient's visits")
            }
            patientID = own
        } else {
            try AccessPolicy.require(actor, .readSchedule, .clinic(actor.clinicID))
        }
        let visits = try await bookings.appointments(
            clinicID: actor.clinicID, from: from, to: to, practitionerID: practitionerID, patientID: patientID)
        try await services.record(
            audit.action, by: actor, clinicID: actor.clinicID, patientID: patientID, recordType: audit.recordType, recordID: audit.recordID,
            from: address)
        return visits
    }

    /// A course and its visits, for the patient whose course it is or their clinic's staff.
    public func course(id: UUID, by actor: Actor, from address: String?) async throws -> (CourseRecord, [AppointmentRecord]) {
        guard let course = try await bookings.course(id: id),
              let patient = try await services.patientStore.patient(id: course.patientID), patient.clinicID == actor.clinicID,
              actor.role != .patient || actor.patientID == patient.id
        else { throw NotFound(detail: "No such course") }
        if actor.role != .patient { try AccessPolicy.require(actor, .readSchedule, .clinic(actor.clinicID)) }
        try await services.record(
            .courseRead, by: actor, clinicID: actor.clinicID, patientID: patient.id, recordType: .course, recordID: id.uuidString,
            from: address)
        return (course, try await bookings.courseAppointments(courseID: id))
    }

    /// The visits a course booked, as stored.
    func courseVisits(_ courseID: UUID) async throws -> [AppointmentRecord] {
        try await bookings.courseAppointments(courseID: courseID)
    }
}
