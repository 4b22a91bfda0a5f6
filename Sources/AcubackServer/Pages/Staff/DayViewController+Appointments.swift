import AcubackServices
import AcubackCore
import Foundation
import Hummingbird

/// The day view's steps on one appointment (arrived, no-show, move) and the free times it offers.
extension DayViewController {
    func addAppointmentRoutes(to router: Router<AcubackRequestContext>) {
        router.post("/reception/appointments/{id}/attendance") { request, context in
            let (actor, appointment, zone) = try await clinicAppointment(context)
            let form = try await FormFields.of(request)
            guard let mark = AttendanceMark(rawValue: form.text("status")) else { throw HTTPError(.badRequest) }
            do {
                _ = try await booking.mark(appointment, as: mark, by: actor, from: context.clientAddress)
            } catch let error as BookingError {
                return try await day(request, context, on: CalendarDay(appointment.start, in: zone), message: error.description, status: .unprocessableContent)
            }
            return Response.redirect(to: "/reception?date=\(CalendarDay(appointment.start, in: zone))&\(mark.rawValue)=\(appointment.id.uuidString)", type: .normal)
        }
        router.post("/reception/appointments/{id}/move") { request, context in
            let (actor, appointment, zone) = try await clinicAppointment(context)
            let form = try await FormFields.of(request)
            let here = CalendarDay(appointment.start, in: zone)
            guard let start = LocalTime.parse(form.text("start"), in: zone) else {
                return try await day(request, context, on: here, message: "New time: give a date and time.", status: .badRequest)
            }
            let moved: AppointmentRecord
            do {
                moved = try await booking.reschedule(appointment, to: start, by: actor, from: context.clientAddress)
            } catch let error as BookingError {
                return try await day(request, context, on: here, message: error.description, status: error.isConflict ? .conflict : .unprocessableContent)
            }
            return Response.redirect(to: "/reception?date=\(CalendarDay(moved.start, in: zone))&moved=\(moved.id.uuidString)", type: .normal)
        }
    }

    /// The appointment named in the path, when it belongs to the desk's clinic.
    private func clinicAppointment(_ context: AcubackRequestContext) async throws -> (Actor, AppointmentRecord, TimeZone) {
        try context.require(.readSchedule, .clinic(context.actor?.clinicID ?? UUID()))
        let actor = context.actor!
        guard let id = context.parameters.get("id", as: UUID.self) else { throw HTTPError(.notFound) }
        let appointment = try await booking.visit(id: id, by: actor)
        return (actor, appointment, try await services.clinic.settings(clinicID: actor.clinicID).zone)
    }

    /// Each practitioner's free stretches on `day` long enough for the shortest kind of visit.
    func freeRuns(clinicID: UUID, day: CalendarDay, settings: ClinicSettings) async throws -> [FreeRun] {
        let dayStart = day.start(in: settings.zone)
        let dayEnd = day.adding(days: 1).start(in: settings.zone)
        guard dayEnd > services.now() else { return [] }
        let (finder, practitioners, busy) = try await booking.calendars(clinicID: clinicID, from: dayStart, to: dayEnd)
        let shortest = AppointmentKind.allCases.map(settings.minutes(for:)).min() ?? 30
        let step = 15
        return practitioners.flatMap { practitioner in
            FreeRun.runs(
                finder.freeSlots(
                    on: day, for: practitioner.calendar(busy: busy[practitioner.id] ?? []), minutes: shortest,
                    after: max(dayStart.addingTimeInterval(-1), services.now()), before: dayEnd, step: step),
                step: step)
        }
    }
}
