import AcubackCore
import AcubackServices
import Foundation
import Hummingbird

/// The waitlist's pages: a patient's own entries on their portal, the desk's list, and the
/// offer a mailed link opens. Every change goes through WaitlistService.
struct WaitlistPagesController {
    let renderer: PageRenderer
    let services: AppServices

    var waitlist: WaitlistService { services.waitlist }

    func addRoutes(to router: Router<AcubackRequestContext>) {
        router.get("/me/waitlist") { request, context in
            try context.require(.readOwnRecord)
            return try await mine(request, context)
        }
        router.post("/me/waitlist") { request, context in
            try context.require(.readOwnRecord)
            let actor = context.actor!
            let form = try await FormFields.of(request)
            do {
                _ = try await waitlist.join(patientID: actor.patientID!, try WaitlistForm.request(form), by: actor, from: context.clientAddress)
            } catch let error as ValidationError {
                return try await mine(request, context, typed: form, message: error.inWords, status: .badRequest)
            } catch WaitlistError.invalid(let error) {
                return try await mine(request, context, typed: form, message: error.inWords, status: .badRequest)
            }
            return Response.redirect(to: "/me/waitlist?joined=1", type: .normal)
        }
        router.post("/me/waitlist/{id}/leave") { request, context in
            try context.require(.readOwnRecord)
            guard let id = context.parameters.get("id", as: UUID.self) else { throw HTTPError(.notFound) }
            try await waitlist.leave(entryID: id, by: context.actor!, from: context.clientAddress)
            return Response.redirect(to: "/me/waitlist?left=1", type: .normal)
        }
        addDeskRoutes(to: router)
        addOfferRoutes(to: router)
    }

    func mine(
        _ request: Request, _ context: AcubackRequestContext, typed: FormFields? = nil, message: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let actor = context.actor!
        guard let patientID = actor.patientID else { throw HTTPError(.forbidden) }
        let settings = try await services.clinic.settings(clinicID: actor.clinicID)
        let (entries, offers) = try await waitlist.patientEntries(patientID: patientID, by: actor, from: context.clientAddress)
        let query = FormFields(request.uri.queryParameters)
        let practitioners = try await certified(clinicID: actor.clinicID, settings: settings)
        let kinds = try await services.bookings.selfBookableKinds(patientID: patientID, settings: settings)
        // The list shows what still matters: waiting entries, and the others of the last month.
        let recent = entries.filter { $0.status == .waiting || $0.joinedAt > services.now().addingTimeInterval(-30 * 86_400) }
        let model = MyWaitlistPage(
            entries: recent.reversed().map { WaitlistEntryRow($0, zone: settings.zone) }, hasEntries: !recent.isEmpty,
            offers: offers.map { WaitlistOfferRow($0, zone: settings.zone) }, hasOffers: !offers.isEmpty,
            form: WaitlistForm(kinds: kinds, practitioners: practitioners, today: CalendarDay(services.now(), in: settings.zone), typed: typed),
            offerMinutes: try await waitlist.settings(clinicID: actor.clinicID).offerMinutes,
            message: message, joined: query.has("joined"), left: query.has("left"))
        return try renderer.render("my-waitlist", context, path: "/me/waitlist", model: model, status: status).response(from: request, context: context)
    }

    func certified(clinicID: UUID, settings: ClinicSettings) async throws -> [PractitionerRecord] {
        try await services.clinic.practitioners(clinicID: clinicID).filter { $0.isCertified(on: CalendarDay(services.now(), in: settings.zone)) }
    }
}
