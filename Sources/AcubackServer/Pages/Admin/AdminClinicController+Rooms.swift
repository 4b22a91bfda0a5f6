import AcubackServices
import AcubackCore
import Foundation
import Hummingbird

/// Holidays and treatment rooms on the admin's clinic page.
extension AdminClinicController {
    func addHolidayRoutes(to router: RouterGroup<AcubackRequestContext>) {
        router.post("holidays") { request, context in
            let actor = try context.signedIn
            let form = try await FormFields.of(request)
            do {
                guard let day = CalendarDay(form.text("day")) else { throw ValidationError(field: "day", rule: "give the date as YYYY-MM-DD") }
                try await settingsService.addHoliday(ClinicHoliday(day: day, label: form.text("label")), by: actor, from: context.clientAddress)
                return Response.redirect(to: "/admin/clinic?saved=holiday#holidays", type: .normal)
            } catch let error as ValidationError {
                return try await page(
                    request, context, ClinicPageState(holidayError: error.inWords, holidayDay: form.text("day"), holidayLabel: form.text("label")),
                    status: .badRequest)
            }
        }
        router.post("holidays/{day}/remove") { request, context in
            let actor = try context.signedIn
            guard let day = context.parameters.get("day").flatMap(CalendarDay.init) else { throw HTTPError(.notFound) }
            do {
                try await settingsService.removeHoliday(on: day, by: actor, from: context.clientAddress)
                return Response.redirect(to: "/admin/clinic?saved=holidayRemoved#holidays", type: .normal)
            } catch let error as ValidationError {
                return try await page(request, context, ClinicPageState(holidayError: error.inWords), status: .badRequest)
            }
        }
    }

    func addRoomRoutes(to router: RouterGroup<AcubackRequestContext>) {
        router.post("rooms") { request, context in
            let actor = try context.signedIn
            let form = try await FormFields.of(request)
            return try await roomChange(request, context) {
                _ = try await settingsService.addRoom(named: form.text("name"), by: actor, from: context.clientAddress)
            }
        }
        router.post("rooms/{id}/rename") { request, context in
            let actor = try context.signedIn
            let id = try roomID(context)
            let form = try await FormFields.of(request)
            return try await roomChange(request, context) {
                guard try await settingsService.renameRoom(id: id, to: form.text("name"), by: actor, from: context.clientAddress) != nil else {
                    throw HTTPError(.notFound)
                }
            }
        }
        for (verb, retired) in [("retire", true), ("reactivate", false)] {
            router.post("rooms/{id}/\(verb)") { request, context in
                let actor = try context.signedIn
                let id = try roomID(context)
                return try await roomChange(request, context) {
                    guard try await settingsService.setRoomRetired(id: id, retired: retired, by: actor, from: context.clientAddress) != nil else {
                        throw HTTPError(.notFound)
                    }
                }
            }
        }
    }

    private func roomID(_ context: AcubackRequestContext) throws -> UUID {
        guard let id = context.parameters.get("id", as: UUID.self) else { throw HTTPError(.notFound) }
        return id
    }

    /// Runs a room change; a field error redraws the page with it next to the rooms.
    private func roomChange(_ request: Request, _ context: AcubackRequestContext, _ change: () async throws -> Void) async throws -> Response {
        do {
            try await change()
            return Response.redirect(to: "/admin/clinic?saved=rooms#rooms-section", type: .normal)
        } catch let error as ValidationError {
            return try await page(request, context, ClinicPageState(roomError: error.inWords), status: .badRequest)
        }
    }
}
