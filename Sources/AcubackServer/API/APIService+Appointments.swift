import AcubackServices
import AcubackAPI
import AcubackCore
import Foundation
import OpenAPIRuntime

extension APIService {
    var booking: BookingService { BookingService(services: services) }

    /// The clinic a request concerns: the signed-in user's, else the one the public pages show.
    func clinicID() async throws -> UUID {
        if let actor = RequestActor.current { return actor.clinicID }
        guard let clinic = try await services.clinic.defaultClinic() else { throw NotFound(detail: "No clinic has been set up yet") }
        return clinic.id
    }

    func listPractitioners(_ input: Operations.ListPractitioners.Input) async throws -> Operations.ListPractitioners.Output {
        let clinicID = try await clinicID()
        let settings = try await services.clinic.settings(clinicID: clinicID)
        let today = CalendarDay(services.now(), in: settings.zone)
        let staff = RequestActor.current.map { AccessPolicy.roles(for: .listPatients).contains($0.role) } ?? false
        let all = try await services.clinic.practitioners(clinicID: clinicID)
        // The public directory lists only practitioners certified today.
        let shown = staff ? all : all.filter { $0.isCertified(on: today) }
        let page = try Page(limit: input.query.limit, offset: input.query.offset)
        let items = page.slice(shown).map { Components.Schemas.Practitioner($0, today: today, staffView: staff) }
        return .ok(.init(body: .json(.init(items: items, total: shown.count, limit: page.limit, offset: page.offset))))
    }

    func addCertificate(_ input: Operations.AddCertificate.Input) async throws -> Operations.AddCertificate.Output {
        let actor = try actor
        guard case .json(let body) = input.body else { throw ValidationError(field: "body", rule: "must be JSON") }
        guard let id = try uuid(input.path.practitionerId, field: "practitionerId") else { throw NotFound(detail: "No such practitioner") }
        let record = try await services.practitioners.addCertificate(
            .init(
                issuingBody: body.issuingBody, number: body.number, validFrom: body.validFrom, validTo: body.validTo,
                verified: body.verified ?? false),
            to: id, by: actor, from: RequestActor.clientAddress)
        return .created(.init(body: .json(.init(record, showNumber: true))))
    }

    func getAvailability(_ input: Operations.GetAvailability.Input) async throws -> Operations.GetAvailability.Output {
        let query = input.query
        var errors = FieldErrorCollector()
        errors.check(query.to > query.from, "to", "must be after from")
        errors.check(query.to.timeIntervalSince(query.from) <= 31 * 86_400, "to", "must be at most 31 days after from")
        try errors.throwIfAny()
        let clinicID = try await clinicID()
        let kind = AppointmentKind(rawValue: query.kind?.rawValue ?? "consultation") ?? .consultation
        let practitionerID = try uuid(query.practitionerId, field: "practitionerId")
        let practitioners = try await services.clinic.practitioners(clinicID: clinicID)
        if let practitionerID, !practitioners.contains(where: { $0.id == practitionerID }) {
            throw NotFound(detail: "No such practitioner")
        }
        let page = try Page(limit: query.limit, offset: 0)
        let slots = try await booking.freeSlots(
            clinicID: clinicID, practitionerID: practitionerID, kind: kind, from: query.from, to: query.to, limit: page.limit)
        let names = Dictionary(uniqueKeysWithValues: practitioners.map { ($0.id, $0.name) })
        let minutes = try await services.clinic.settings(clinicID: clinicID).minutes(for: kind)
        return .ok(.init(body: .json(.init(
            kind: .init(rawValue: kind.rawValue)!, minutes: minutes,
            slots: slots.map { .init($0, practitionerName: names[$0.practitionerID] ?? "") }))))
    }

    func listAppointments(_ input: Operations.ListAppointments.Input) async throws -> Operations.ListAppointments.Output {
        let actor = try actor
        let query = input.query
        var errors = FieldErrorCollector()
        errors.check(query.to > query.from, "to", "must be after from")
        errors.check(query.to.timeIntervalSince(query.from) <= 92 * 86_400, "to", "must be at most 92 days after from")
        try errors.throwIfAny()
        let records = try await booking.visits(
            from: query.from, to: query.to, practitionerID: try uuid(query.practitionerId, field: "practitionerId"),
            patientID: try uuid(query.patientId, field: "patientId"), by: actor, from: RequestActor.clientAddress)
        return .ok(.init(body: .json(.init(items: records.map(Components.Schemas.Appointment.init)))))
    }

    func bookAppointment(_ input: Operations.BookAppointment.Input) async throws -> Operations.BookAppointment.Output {
        let actor = try actor
        guard case .json(let body) = input.body else { throw ValidationError(field: "body", rule: "must be JSON") }
        let kind = AppointmentKind(rawValue: body.kind.rawValue) ?? .consultation
        let patientID: UUID
        if actor.role == .patient {
            guard let own = actor.patientID, (try uuid(body.patientId, field: "patientId")).map({ $0 == own }) ?? true else {
                throw AccessDenied(signedIn: true, reason: "booking for another patient")
            }
            patientID = own
        } else {
            try AccessPolicy.require(actor, .readSchedule, .clinic(actor.clinicID))
            guard let id = try uuid(body.patientId, field: "patientId") else { throw ValidationError(field: "patientId", rule: "is required") }
            patientID = id
        }
        let record = try await booking.book(
            clinicID: actor.clinicID, patientID: patientID, practitionerID: try uuid(body.practitionerId, field: "practitionerId"),
            kind: kind, start: body.start, by: actor, from: RequestActor.clientAddress)
        return .created(.init(body: .json(.init(record))))
    }

    /// The appointment, when the actor may change it: their own as a patient, their clinic's as staff.
    func changeableAppointment(_ idText: String, _ actor: Actor) async throws -> AppointmentRecord {
        guard let id = try uuid(idText, field: "appointmentId") else { throw NotFound(detail: "No such appointment") }
        return try await booking.bookedVisit(id: id, by: actor)
    }

    func cancelAppointment(_ input: Operations.CancelAppointment.Input) async throws -> Operations.CancelAppointment.Output {
        let actor = try actor
        let appointment = try await changeableAppointment(input.path.appointmentId, actor)
        let cancelled = try await booking.cancel(appointment, by: actor, from: RequestActor.clientAddress)
        return .ok(.init(body: .json(.init(cancelled))))
    }

    func rescheduleAppointment(_ input: Operations.RescheduleAppointment.Input) async throws -> Operations.RescheduleAppointment.Output {
        let actor = try actor
        guard case .json(let body) = input.body else { throw ValidationError(field: "body", rule: "must be JSON") }
        let appointment = try await changeableAppointment(input.path.appointmentId, actor)
        let moved = try await booking.reschedule(appointment, to: body.start, by: actor, from: RequestActor.clientAddress)
        return .ok(.init(body: .json(.init(moved))))
    }

    func markAttendance(_ input: Operations.MarkAttendance.Input) async throws -> Operations.MarkAttendance.Output {
        let actor = try actor
        guard case .json(let body) = input.body else { throw ValidationError(field: "body", rule: "must be JSON") }
        guard let id = try uuid(input.path.appointmentId, field: "appointmentId") else { throw NotFound(detail: "No such appointment") }
        let appointment = try await booking.visit(id: id, by: actor)
        let mark = AttendanceMark(rawValue: body.status.rawValue)!
        let marked = try await booking.mark(appointment, as: mark, by: actor, from: RequestActor.clientAddress)
        return .ok(.init(body: .json(.init(marked))))
    }

    func courseRequest(_ body: Components.Schemas.CourseInput) throws -> (UUID, CourseRequest, Regimen) {
        guard let patientID = try uuid(body.patientId, field: "patientId") else { throw ValidationError(field: "patientId", rule: "is required") }
        let regimen = try Regimen.chosen(
            origin: body.regimen?.rawValue, sessions: body.sessions, perWeek: body.perWeek, extending: body.extendsCourseId != nil)
        let request = CourseRequest(
            regimen: regimen, kind: AppointmentKind(rawValue: body.kind?.rawValue ?? "treatment") ?? .treatment,
            earliest: body.earliest ?? services.now(), horizonWeeks: body.horizonWeeks,
            preferredPractitionerID: try uuid(body.practitionerId, field: "practitionerId"))
        return (patientID, request, regimen)
    }

    func searchCourse(_ input: Operations.SearchCourse.Input) async throws -> Operations.SearchCourse.Output {
        let actor = try actor
        guard case .json(let body) = input.body else { throw ValidationError(field: "body", rule: "must be JSON") }
        let (patientID, request, _) = try courseRequest(body)
        let (course, practitioner) = try await booking.proposeCourse(clinicID: actor.clinicID, patientID: patientID, request: request)
        return .ok(.init(body: .json(.init(
            practitionerId: practitioner.id.uuidString, practitionerName: practitioner.name,
            slots: course.slots.map { .init($0, practitionerName: practitioner.name) }))))
    }

    func bookCourse(_ input: Operations.BookCourse.Input) async throws -> Operations.BookCourse.Output {
        let actor = try actor
        guard case .json(let body) = input.body else { throw ValidationError(field: "body", rule: "must be JSON") }
        let (patientID, request, regimen) = try courseRequest(body)
        let (course, appointments) = try await booking.bookCourse(
            clinicID: actor.clinicID, patientID: patientID, request: request, regimen: regimen,
            extending: try uuid(body.extendsCourseId, field: "extendsCourseId"), by: actor, from: RequestActor.clientAddress)
        return .created(.init(body: .json(.init(course, appointments: appointments))))
    }

    func getCourse(_ input: Operations.GetCourse.Input) async throws -> Operations.GetCourse.Output {
        let actor = try actor
        guard let id = try uuid(input.path.courseId, field: "courseId") else { throw NotFound(detail: "No such course") }
        let (course, visits) = try await booking.course(id: id, by: actor, from: RequestActor.clientAddress)
        return .ok(.init(body: .json(.init(course, appointments: visits))))
    }
}
