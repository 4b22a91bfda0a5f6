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
                return try await hoursPage(
                    practitioner, request, context, extra: ["message": error.inWords, "hoursForm": HoursForm(typed: form, prefix: "hours", legend: Self.hoursLegend)],
                    status: .badRequest)
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

    private func hoursPage(
        _ practitioner: PractitionerRecord, _ request: Request, _ context: AcubackRequestContext, extra: [String: Any] = [:],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        var values: [String: Any] = [
            "name": practitioner.name, "hoursForm": HoursForm(practitioner.hours, prefix: "hours", legend: Self.hoursLegend),
            "saved": FormFields(request.uri.queryParameters).text("saved") == "1",
        ]
        values.merge(extra) { _, new in new }
        return try renderer.render("practitioner-hours", context, path: "/practitioner/day", values: values, status: status)
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

    func day(_ request: Request, _ context: AcubackRequestContext, extra: [String: Any] = [:], status: HTTPResponse.Status = .ok) async throws -> Response {
        let actor = context.actor!
        let settings = try await services.clinic.settings(clinicID: actor.clinicID)
        let zone = settings.zone
        let day = (extra["day"] as? CalendarDay) ?? chosenDay(request, zone)
        let dayStart = day.start(in: zone)
        let appointments = try await booking.clinicDay(day, in: zone, by: actor, from: context.clientAddress)
        let practitioners = try await services.clinic.practitioners(clinicID: actor.clinicID)
        // Retired rooms drop off the timeline unless a visit that day still uses them.
        let rooms = try await services.clinic.rooms(clinicID: actor.clinicID).filter { room in
            !room.isRetired || appointments.contains { $0.roomID == room.id }
        }
        let now = services.now()
        let open = settings.openingHours.ranges(on: day)
        let holiday = settings.holiday(on: day)
        let axis = MinuteRange(start: open.map(\.start).min() ?? 480, end: open.map(\.end).max() ?? 1080)
        let finder = SlotFinder(settings: settings, rooms: [])
        /// Where a stretch of the day sits on the timeline, in percent of its width.
        func placed(_ start: Date, minutes: Double) -> (left: String, width: String) {
            let startMinute = Int(start.timeIntervalSince(finder.instant(day, minute: 0)) / 60)
            let left = Double(startMinute - axis.start) / Double(axis.end - axis.start) * 100
            return (String(format: "%.2f", max(0, left)), String(format: "%.2f", minutes / Double(axis.end - axis.start) * 100))
        }
        func block(_ appointment: AppointmentRecord) -> [String: Any] {
            let (left, width) = placed(appointment.start, minutes: Double(appointment.minutes))
            return [
                "id": appointment.id.uuidString, "left": left, "width": width,
                "time": DisplayTime.clock(appointment.start, in: zone), "patient": appointment.patientName,
                "patientId": appointment.patientID.uuidString, "kind": appointment.kind.rawValue,
            ]
        }
        let free = try await freeRuns(clinicID: actor.clinicID, day: day, settings: settings)
        func freeBlock(_ run: FreeRun) -> [String: Any] {
            let (left, width) = placed(run.start, minutes: run.end.timeIntervalSince(run.start) / 60)
            let time = DisplayTime.clock(run.start, in: zone)
            return [
                "free": true, "left": left, "width": width, "time": time,
                "until": DisplayTime.clock(run.end, in: zone),
                "href": "/reception?date=\(day)&practitioner=\(run.practitionerID.uuidString)&start=\(LocalTime.input(run.start, in: zone))#reception-book",
            ]
        }
        let hours = stride(from: (axis.start + 59) / 60 * 60, to: axis.end, by: 60).map { minute -> [String: Any] in
            ["label": MinuteRange.clock(minute), "left": String(format: "%.2f", Double(minute - axis.start) / Double(axis.end - axis.start) * 100)]
        }
        let patients = try await services.patients.list(matching: nil, limit: 500, offset: 0, by: actor, from: context.clientAddress).items
        // After a refusal the form keeps what was chosen, and a free time clicked on the timeline
        // fills it; otherwise the start is the next quarter hour from now today (not a time
        // already past), or the opening on another day.
        let query = FormFields(request.uri.queryParameters)
        let typed = extra["typed"] as? FormFields ?? (query.text("start").isEmpty ? nil : query)
        let nextQuarter = Int(now.timeIntervalSince(finder.instant(day, minute: 0)) / 60 / 15 + 1) * 15
        let firstMinute = day == CalendarDay(now, in: zone) ? max(axis.start, nextQuarter) : axis.start
        var values: [String: Any] = [
            "date": day.description, "dayLabel": DisplayTime.day(dayStart.addingTimeInterval(12 * 3600), in: zone),
            "previous": day.adding(days: -1).description, "next": day.adding(days: 1).description,
            "closed": settings.isClosed(on: day), "hours": hours,
            "rows": practitioners.map { practitioner -> [String: Any] in
                [
                    "label": practitioner.name, "kind": "practitioner", "certified": practitioner.isCertified(on: day),
                    "blocks": appointments.filter { $0.practitionerID == practitioner.id }.map(block)
                        + free.filter { $0.practitionerID == practitioner.id }.map(freeBlock),
                ]
            } + rooms.map { room -> [String: Any] in
                ["label": room.name, "kind": "room", "certified": true, "blocks": appointments.filter { $0.roomID == room.id }.map(block)]
            },
            "appointments": appointments.map { appointment -> [String: Any] in
                var entry = block(appointment)
                entry["with"] = appointment.practitionerName
                entry["room"] = appointment.roomName
                entry["minutes"] = appointment.minutes
                entry["status"] = PlainWords.status(appointment.status)
                entry["statusClass"] = appointment.status.rawValue
                entry["canArrive"] = appointment.status == .booked && CalendarDay(appointment.start, in: zone) == CalendarDay(now, in: zone)
                entry["canNoShow"] = appointment.status == .booked && appointment.start <= now
                entry["canChange"] = appointment.status == .booked
                entry["moveTo"] = LocalTime.input(appointment.start, in: zone)
                return entry
            },
            "patients": patients.map {
                ["id": $0.id.uuidString, "name": "\($0.familyName), \($0.givenName) (\($0.birthDate))", "selected": typed?.text("patient") == $0.id.uuidString]
            },
            "practitioners": practitioners.map { ["id": $0.id.uuidString, "name": $0.name, "selected": typed?.text("practitioner") == $0.id.uuidString] },
            "kinds": AppointmentKind.allCases.map {
                ["value": $0.rawValue, "minutes": settings.minutes(for: $0), "selected": typed?.text("kind") == $0.rawValue]
            },
            "defaultStart": typed.map { $0.text("start") } ?? LocalTime.input(finder.instant(day, minute: firstMinute), in: zone),
        ]
        if let holiday { values["holiday"] = holiday.label.isEmpty ? "a holiday" : holiday.label }
        if let done = try await outcome(of: request, actor: actor, zone: zone) { values["done"] = done }
        values.merge(extra.filter { $0.key != "day" && $0.key != "typed" }) { _, new in new }
        return try renderer.render("reception", context, path: "/reception", values: values, status: status).response(from: request, context: context)
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
            return try await self.day(request, context, extra: ["day": day, "message": error.inWords, "typed": form], status: .badRequest)
        } catch let error as BookingError {
            return try await self.day(
                request, context, extra: ["day": day, "message": error.description, "typed": form], status: error.isConflict ? .conflict : .unprocessableContent)
        }
    }

    private func practitionerDay(_ request: Request, _ context: AcubackRequestContext) async throws -> Response {
        let actor = context.actor!
        let settings = try await services.clinic.settings(clinicID: actor.clinicID)
        let day = chosenDay(request, settings.zone)
        let practitioners = try await services.clinic.practitioners(clinicID: actor.clinicID)
        let chosen = UUID(uuidString: FormFields(request.uri.queryParameters).text("practitioner")) ?? actor.practitionerID ?? practitioners.first?.id
        let appointments = try await booking.practitionerDay(day, in: settings.zone, practitionerID: chosen, by: actor, from: context.clientAddress)
        return try renderer.render("practitioner-day", context, path: "/practitioner/day", values: [
            "date": day.description, "dayLabel": DisplayTime.day(day.start(in: settings.zone).addingTimeInterval(12 * 3600), in: settings.zone),
            "previous": day.adding(days: -1).description, "next": day.adding(days: 1).description,
            "practitioners": practitioners.map { ["id": $0.id.uuidString, "name": $0.name, "selected": $0.id == chosen] },
            "appointments": appointments.map {
                ["time": DisplayTime.clock($0.start, in: settings.zone), "end": DisplayTime.clock($0.end, in: settings.zone),
                 "patient": $0.patientName, "patientId": $0.patientID.uuidString, "kind": $0.kind.rawValue, "room": $0.roomName,
                 "firstConsultation": $0.kind == .consultation && $0.status == .booked]
            },
            "hasAppointments": !appointments.isEmpty,
        ]).response(from: request, context: context)
    }
}
