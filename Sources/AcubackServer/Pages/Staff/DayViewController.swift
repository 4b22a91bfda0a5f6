import AcubackServices
import AcubackCore
import Foundation
import Hummingbird

/// The reception day view (practitioners and rooms on a timeline, with booking) and a
/// practitioner's own day.
struct DayViewController {
    let renderer: PageRenderer
    let services: AppServices

    var booking: BookingService { BookingService(services: services) }

    func addRoutes(to router: Router<AcubackRequestContext>) {
        router.get("/reception") { request, context in
            try context.require(.readSchedule, .clinic(context.actor?.clinicID ?? UUID()))
            return try await day(request, context)
        }
        router.post("/reception/book") { request, context in
            try context.require(.readSchedule, .clinic(context.actor?.clinicID ?? UUID()))
            return try await book(request, context)
        }
        router.post("/reception/appointments/{id}/cancel") { request, context in
            try context.require(.readSchedule, .clinic(context.actor?.clinicID ?? UUID()))
            let actor = context.actor!
            guard let id = context.parameters.get("id", as: UUID.self) else { throw HTTPError(.notFound) }
            guard let appointment = try? await booking.bookedVisit(id: id, by: actor) else { throw HTTPError(.notFound) }
            try await booking.cancel(appointment, by: actor, from: context.clientAddress)
            let zone = try await services.clinic.settings(clinicID: actor.clinicID).zone
            return Response.redirect(to: "/reception?date=\(CalendarDay(appointment.start, in: zone))&cancelled=\(id.uuidString)", type: .normal)
        }
        addAppointmentRoutes(to: router)
        router.get("/practitioner/hours") { request, context in
            let practitioner = try await ownPractitioner(context)
            return try await hoursPage(practitioner, request, context)
        }
        router.post("/practitioner/hours") { request, context in
            let practitioner = try await ownPractitioner(context)
            let form = try await FormFields.of(request)
            do {
                let hours = try HoursForm.hours(form, prefix: "hours", field: "hours")
                try await ClinicSettingsService(services: services).setHours(hours, of: practitioner, by: context.actor!, from: context.clientAddress)
            } catch let error as ValidationError {
                return try await hoursPage(practitioner, request, context, typed: form, message: error.inWords, status: .badRequest)
            }
            return Response.redirect(to: "/practitioner/hours?saved=1", type: .normal)
        }
        router.get("/practitioner/day") { request, context in
            try context.require(.readSchedule, .clinic(context.actor?.clinicID ?? UUID()))
            return try await practitionerDay(request, context)
        }
    }

    /// The signed-in practitioner's own record: a practitioner sets their own working hours.
    private func ownPractitioner(_ context: AcubackRequestContext) async throws -> PractitionerRecord {
        try context.require(.treatPatient, .clinic(context.actor?.clinicID ?? UUID()))
        guard let id = context.actor?.practitionerID, let practitioner = try await services.clinic.practitioner(id: id) else {
            throw AccessDenied(signedIn: true, reason: "this account has no practitioner record")
        }
        return practitioner
    }

    /// `typed`: the hours as sent, kept in the form when they were refused.
    private func hoursPage(
        _ practitioner: PractitionerRecord, _ request: Request, _ context: AcubackRequestContext, typed: FormFields? = nil, message: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let model = PractitionerHoursPage(
            name: practitioner.name,
            hoursForm: typed.map { HoursForm(typed: $0, prefix: "hours", legend: Self.hoursLegend) }
                ?? HoursForm(practitioner.hours, prefix: "hours", legend: Self.hoursLegend),
            saved: FormFields(request.uri.queryParameters).text("saved") == "1", message: message)
        return try renderer.render("practitioner-hours", context, path: "/practitioner/day", model: model, status: status)
            .response(from: request, context: context)
    }

    static let hoursLegend = "Your week"

    /// What the last step did, said after its redirect: "Booked: …" or "Cancelled: …".
    private func outcome(of request: Request, actor: Actor, zone: TimeZone) async throws -> String? {
        let query = FormFields(request.uri.queryParameters)
        for (key, verb) in [("booked", "Booked"), ("cancelled", "Cancelled"), ("moved", "Moved"), ("arrived", "Arrived"), ("noShow", "Did not come")] {
            guard let id = UUID(uuidString: query.text(key)), let appointment = try? await booking.visit(id: id, by: actor) else { continue }
            let when = "\(DisplayTime.day(appointment.start, in: zone)) \(DisplayTime.clock(appointment.start, in: zone))"
            return "\(verb): \(appointment.kind.rawValue) for \(appointment.patientName) with \(appointment.practitionerName), \(when)."
        }
        return nil
    }

    func chosenDay(_ request: Request, _ zone: TimeZone) -> CalendarDay {
        FormFields(request.uri.queryParameters).first("date").flatMap(CalendarDay.init) ?? CalendarDay(services.now(), in: zone)
    }

    /// `day`: the day a refused step was about, rather than the one the query names; `typed`: the
    /// booking form as it was sent.
    func day(
        _ request: Request, _ context: AcubackRequestContext, on day: CalendarDay? = nil, typed: FormFields? = nil, message: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let actor = context.actor!
        let settings = try await services.clinic.settings(clinicID: actor.clinicID)
        let zone = settings.zone
        let day = day ?? chosenDay(request, zone)
        let appointments = try await booking.clinicDay(day, in: zone, by: actor, from: context.clientAddress)
        let practitioners = try await services.clinic.practitioners(clinicID: actor.clinicID)
        // Retired rooms drop off the timeline unless a visit that day still uses them.
        let rooms = try await services.clinic.rooms(clinicID: actor.clinicID).filter { room in
            !room.isRetired || appointments.contains { $0.roomID == room.id }
        }
        let free = try await freeRuns(clinicID: actor.clinicID, day: day, settings: settings)
        let patients = try await services.patients.list(matching: nil, limit: 500, offset: 0, by: actor, from: context.clientAddress).items
        // After a refusal the form keeps what was chosen, and a free time clicked on the timeline fills it.
        let query = FormFields(request.uri.queryParameters)
        let model = DayViewPage(
            day: day, settings: settings, appointments: appointments, free: free, practitioners: practitioners, rooms: rooms, patients: patients,
            typed: typed ?? (query.text("start").isEmpty ? nil : query), now: services.now(),
            done: try await outcome(of: request, actor: actor, zone: zone), message: message)
        return try renderer.render("reception", context, path: "/reception", model: model, status: status).response(from: request, context: context)
    }

    private func book(_ request: Request, _ context: AcubackRequestContext) async throws -> Response {
        let actor = context.actor!
        let form = try await FormFields.of(request)
        let zone = try await services.clinic.settings(clinicID: actor.clinicID).zone
        var errors = FieldErrorCollector()
        let patientID = UUID(uuidString: form.text("patient"))
        let kind = AppointmentKind(rawValue: form.text("kind"))
        let start = LocalTime.parse(form.text("start"), in: zone)
        errors.check(patientID != nil, "patient", "choose a patient")
        errors.check(kind != nil, "kind", "choose consultation, treatment or review")
        errors.check(start != nil, "start", "give a date and time")
        let day = start.map { CalendarDay($0, in: zone) } ?? chosenDay(request, zone)
        do {
            try errors.throwIfAny()
            let appointment = try await booking.book(
                clinicID: actor.clinicID, patientID: patientID!, practitionerID: UUID(uuidString: form.text("practitioner")), kind: kind!, start: start!,
                by: actor, from: context.clientAddress)
            return Response.redirect(to: "/reception?date=\(day)&booked=\(appointment.id.uuidString)", type: .normal)
        } catch let error as ValidationError {
            return try await self.day(request, context, on: day, typed: form, message: error.inWords, status: .badRequest)
        } catch let error as BookingError {
            return try await self.day(
                request, context, on: day, typed: form, message: error.description, status: error.isConflict ? .conflict : .unprocessableContent)
        }
    }

    private func practitionerDay(_ request: Request, _ context: AcubackRequestContext) async throws -> Response {
        let actor = context.actor!
        let settings = try await services.clinic.settings(clinicID: actor.clinicID)
        let day = chosenDay(request, settings.zone)
        let practitioners = try await services.clinic.practitioners(clinicID: actor.clinicID)
        let chosen = UUID(uuidString: FormFields(request.uri.queryParameters).text("practitioner")) ?? actor.practitionerID ?? practitioners.first?.id
        let appointments = try await booking.practitionerDay(day, in: settings.zone, practitionerID: chosen, by: actor, from: context.clientAddress)
        let model = PractitionerDayPage(day: day, zone: settings.zone, practitioners: practitioners, chosen: chosen, appointments: appointments)
        return try renderer.render("practitioner-day", context, path: "/practitioner/day", model: model).response(from: request, context: context)
    }
}
