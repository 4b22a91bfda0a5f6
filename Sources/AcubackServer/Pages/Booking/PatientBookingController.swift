import AcubackServices
import AcubackCore
import Foundation
import Hummingbird

/// The public directory of certified practitioners, a patient booking their first consultation,
/// and a patient's upcoming visits.
struct PatientBookingController {
    let renderer: PageRenderer
    let services: AppServices

    var booking: BookingService { BookingService(services: services) }

    func addRoutes(to router: Router<AcubackRequestContext>) {
        router.get("/practitioners") { _, context in try await directory(context) }
        router.get("/book") { request, context in
            try context.require(.readOwnRecord)
            return try await choose(request, context)
        }
        router.post("/book") { request, context in
            try context.require(.readOwnRecord)
            return try await book(request, context)
        }
        router.get("/me/visits") { request, context in
            try context.require(.readOwnRecord)
            return try await visits(request, context)
        }
        router.post("/me/visits/{id}/cancel") { request, context in
            try context.require(.readOwnRecord)
            return try await cancel(request, context)
        }
        addMoveRoutes(to: router)
    }

    func clinic(_ context: AcubackRequestContext) async throws -> (UUID, ClinicSettings) {
        let clinicID: UUID
        if let actor = context.actor {
            clinicID = actor.clinicID
        } else if let first = try await services.clinic.defaultClinic() {
            clinicID = first.id
        } else {
            throw HTTPError(.notFound)
        }
        return (clinicID, try await services.clinic.settings(clinicID: clinicID))
    }

    private func directory(_ context: AcubackRequestContext) async throws -> HTML {
        let (clinicID, settings) = try await clinic(context)
        let today = CalendarDay(services.now(), in: settings.zone)
        let practitioners = try await services.clinic.practitioners(clinicID: clinicID).filter { $0.isCertified(on: today) }
        return try renderer.render(
            "practitioners", context, path: "/practitioners",
            model: PractitionersPage(practitioners: practitioners.map { PractitionersPage.PractitionerRow($0, today: today) }))
    }

    /// Free times for the next fortnight, by day: a first consultation, or a treatment or review
    /// where the clinic lets patients book those; when `moving`, times for that visit's kind with
    /// its practitioner, from the end of the notice period on.
    func choose(
        _ request: Request, _ context: AcubackRequestContext, moving: AppointmentRecord? = nil, message: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let (clinicID, settings) = try await clinic(context)
        let form = FormFields(request.uri.queryParameters)
        let practitioners = try await services.clinic.practitioners(clinicID: clinicID)
            .filter { $0.isCertified(on: CalendarDay(services.now(), in: settings.zone)) }
        var kinds: [AppointmentKind] = [.consultation]
        if let patientID = context.actor?.patientID { kinds = try await booking.selfBookableKinds(patientID: patientID, settings: settings) }
        let kind = moving?.kind ?? AppointmentKind(rawValue: form.text("kind")).flatMap { kinds.contains($0) ? $0 : nil } ?? .consultation
        let chosen = moving.flatMap { visit in practitioners.first { $0.id == visit.practitionerID } }
            ?? UUID(uuidString: form.text("practitioner")).flatMap { id in practitioners.first { $0.id == id } }
        let now = services.now()
        let from = moving == nil ? now : now.addingTimeInterval(Double(settings.noticeHours) * 3600)
        let slots = try await booking.freeSlots(
            clinicID: clinicID, practitionerID: chosen?.id, kind: kind, from: from, to: from.addingTimeInterval(14 * 86_400), limit: 400)
        // One time per start: "any practitioner" offers the first one free then.
        var seen = Set<Date>()
        let unique = slots.filter { seen.insert($0.start).inserted }
        let names = Dictionary(uniqueKeysWithValues: practitioners.map { ($0.id, $0.name) })
        let days = Dictionary(grouping: unique) { CalendarDay($0.start, in: settings.zone) }.sorted { $0.key < $1.key }.prefix(10)
        let what = PlainWords.visit(kind)
        let model = BookPage(
            heading: moving.map { "Move your \(PlainWords.visit($0.kind)) on \(DisplayTime.day($0.start, in: settings.zone)), \(DisplayTime.clock($0.start, in: settings.zone))" } ?? "Book a \(what)",
            lead: PlainWords.lead(kind, minutes: settings.minutes(for: kind)),
            moving: moving != nil,
            action: moving.map { "/me/visits/\($0.id.uuidString)/move" } ?? "/book",
            verb: moving == nil ? "Book a \(what)" : "Move your \(what)",
            kind: kind.rawValue,
            kinds: kinds.map { .init(value: $0.rawValue, label: PlainWords.capitalised(PlainWords.visit($0)), selected: $0 == kind) },
            showKinds: moving == nil && kinds.count > 1,
            practitioners: practitioners.map { .init(id: $0.id.uuidString, name: $0.name, selected: $0.id == chosen?.id) },
            anyPractitioner: chosen == nil,
            chosen: chosen?.id.uuidString ?? "",
            // The first two days with times are open; later ones fold under their day, so a phone
            // shows a few dozen buttons rather than two weeks of them.
            days: days.enumerated().map { index, entry in
                BookPage.Day(entry.value, folded: index >= 2, names: names, zone: settings.zone)
            },
            hasDays: !days.isEmpty,
            message: message)
        return try renderer.render("book", context, path: "/book", model: model, status: status).response(from: request, context: context)
    }

    private func book(_ request: Request, _ context: AcubackRequestContext) async throws -> Response {
        let actor = context.actor!
        let form = try await FormFields.of(request)
        guard let patientID = actor.patientID else { throw HTTPError(.forbidden) }
        guard let start = ISO8601DateFormatter().date(from: form.text("start")) else {
            return try await choose(request, context, message: "Choose one of the times shown.", status: .badRequest)
        }
        do {
            let appointment = try await booking.book(
                clinicID: actor.clinicID, patientID: patientID, practitionerID: UUID(uuidString: form.text("practitioner")),
                kind: AppointmentKind(rawValue: form.text("kind")) ?? .consultation, start: start, by: actor, from: context.clientAddress)
            return Response.redirect(to: "/me/visits?booked=\(appointment.id.uuidString)", type: .normal)
        } catch let error as BookingError {
            let text = if case .invalid(let validation) = error { validation.inWords } else { error.description }
            return try await choose(request, context, message: text, status: error.isConflict ? .conflict : .unprocessableContent)
        }
    }

    func visits(_ request: Request, _ context: AcubackRequestContext, message: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let actor = context.actor!
        guard let patientID = actor.patientID else { throw HTTPError(.forbidden) }
        let settings = try await services.clinic.settings(clinicID: actor.clinicID)
        let now = services.now()
        let upcoming = try await booking.visits(
            from: now, to: now.addingTimeInterval(365 * 86_400), patientID: patientID, by: actor, from: context.clientAddress)
        let query = FormFields(request.uri.queryParameters)
        let booked = UUID(uuidString: query.text("booked"))
        let moved = UUID(uuidString: query.text("moved"))
        let kinds = try await booking.selfBookableKinds(patientID: patientID, settings: settings)
        func when(_ visit: AppointmentRecord) -> String {
            "\(DisplayTime.day(visit.start, in: settings.zone)), \(DisplayTime.clock(visit.start, in: settings.zone))"
        }
        let model = VisitsPage(
            visits: upcoming.map { visit in
                VisitsPage.VisitRow(
                    id: visit.id.uuidString, when: when(visit), kind: PlainWords.visit(visit.kind), with: visit.practitionerName,
                    room: visit.roomName, minutes: visit.minutes,
                    canCancel: visit.status == .booked && settings.allowsChange(of: visit.start, by: .patient, now: now),
                    justBooked: visit.id == booked, justMoved: visit.id == moved)
            },
            hasVisits: !upcoming.isEmpty, noticeHours: settings.noticeHours,
            bookLabel: kinds.count > 1 ? "Book a visit" : "Book a first consultation",
            message: message, movedTo: upcoming.first { $0.id == moved }.map(when))
        return try renderer.render("visits", context, path: "/me/visits", model: model, status: status).response(from: request, context: context)
    }

    private func cancel(_ request: Request, _ context: AcubackRequestContext) async throws -> Response {
        let actor = context.actor!
        guard let id = context.parameters.get("id", as: UUID.self), actor.role == .patient,
              let appointment = try? await booking.bookedVisit(id: id, by: actor)
        else { throw HTTPError(.notFound) }
        do {
            try await booking.cancel(appointment, by: actor, from: context.clientAddress)
        } catch let error as BookingError {
            return try await visits(request, context, message: error.description, status: .unprocessableContent)
        }
        return Response.redirect(to: "/me/visits", type: .normal)
    }
}
