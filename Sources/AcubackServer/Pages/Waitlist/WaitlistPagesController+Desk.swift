import AcubackCore
import AcubackServices
import Foundation
import Hummingbird

/// The desk's waitlist: who waits for what, the offers out, adding a patient found by name, and
/// taking an entry off the list.
extension WaitlistPagesController {
    func addDeskRoutes(to router: Router<AcubackRequestContext>) {
        router.get("/reception/waitlist") { request, context in
            try context.require(.readSchedule, .clinic(context.actor?.clinicID ?? UUID()))
            return try await desk(request, context)
        }
        router.post("/reception/waitlist") { request, context in
            try context.require(.readSchedule, .clinic(context.actor?.clinicID ?? UUID()))
            let form = try await FormFields.of(request)
            do {
                guard let patientID = UUID(uuidString: form.text("patient")) else {
                    throw ValidationError(field: "patientId", rule: "find the patient by name and choose them first")
                }
                _ = try await waitlist.join(patientID: patientID, try WaitlistForm.request(form), by: context.actor!, from: context.clientAddress)
            } catch let error as ValidationError {
                return try await desk(request, context, typed: form, message: error.inWords, status: .badRequest)
            } catch WaitlistError.invalid(let error) {
                return try await desk(request, context, typed: form, message: error.inWords, status: .badRequest)
            }
            return Response.redirect(to: "/reception/waitlist?joined=1", type: .normal)
        }
        router.post("/reception/waitlist/{id}/leave") { request, context in
            try context.require(.readSchedule, .clinic(context.actor?.clinicID ?? UUID()))
            guard let id = context.parameters.get("id", as: UUID.self) else { throw HTTPError(.notFound) }
            try await waitlist.leave(entryID: id, by: context.actor!, from: context.clientAddress)
            return Response.redirect(to: "/reception/waitlist?left=1", type: .normal)
        }
    }

    func desk(
        _ request: Request, _ context: AcubackRequestContext, typed: FormFields? = nil, message: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let actor = context.actor!
        let settings = try await services.clinic.settings(clinicID: actor.clinicID)
        let query = FormFields(request.uri.queryParameters)
        let (entries, offers) = try await waitlist.clinicList(by: actor, from: context.clientAddress)
        let text = query.text("q")
        var found: [ReceptionWaitlistPage.Found] = []
        if !text.isEmpty {
            found = try await services.patients.list(matching: text, limit: 10, offset: 0, by: actor, from: context.clientAddress).items.map {
                .init(id: $0.id.uuidString, name: $0.name, born: $0.birthDate)
            }
        }
        var chosen: PatientRecord?
        if let id = UUID(uuidString: typed?.text("patient") ?? query.text("patient")) {
            chosen = try? await services.patients.patient(id: id, for: .readPatientContact, by: actor)
        }
        let model = ReceptionWaitlistPage(
            entries: entries.map { WaitlistEntryRow($0, zone: settings.zone) }, hasEntries: !entries.isEmpty,
            offers: offers.map { WaitlistOfferRow($0, zone: settings.zone) }, hasOffers: !offers.isEmpty,
            query: text, found: found, searched: !text.isEmpty,
            patientID: chosen?.id.uuidString, patientName: chosen?.name ?? "",
            form: WaitlistForm(
                kinds: AppointmentKind.allCases, practitioners: try await certified(clinicID: actor.clinicID, settings: settings),
                today: CalendarDay(services.now(), in: settings.zone), typed: typed),
            message: message, joined: query.has("joined"), left: query.has("left"))
        return try renderer.render("reception-waitlist", context, path: "/reception/waitlist", model: model, status: status)
            .response(from: request, context: context)
    }
}
