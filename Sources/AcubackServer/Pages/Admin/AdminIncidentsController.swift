import AcubackServices
import AcubackCore
import Foundation
import Hummingbird

/// Needles lost and serious after-effects, for the clinic admin to follow up to closed: a list
/// (unresolved ones unless all are asked for) and a page per incident with its notes.
struct AdminIncidentsController {
    let renderer: PageRenderer
    let services: AppServices

    var incidents: IncidentService { IncidentService(services: services) }

    func addRoutes(to router: RouterGroup<AcubackRequestContext>) {
        router.get("incidents") { request, context in
            let actor = try context.signedIn
            let showAll = FormFields(request.uri.queryParameters).text("show") == "all"
            let list = try await incidents.list(unresolved: !showAll, by: actor, from: context.clientAddress)
            let zone = try await services.clinic.settings(clinicID: actor.clinicID).zone
            let view = IncidentListView(incidents: list.map { IncidentListView.Row($0, zone: zone) }, showAll: showAll)
            return try renderer.render("admin-incidents", context, path: "/admin/incidents", model: AdminIncidentsPage(view: view))
                .response(from: request, context: context)
        }
        router.get("incidents/{id}") { request, context in
            let saved = FormFields(request.uri.queryParameters).text("saved") == "1"
            return try await page(request, context, id: try incidentID(context), saved: saved)
        }
        router.post("incidents/{id}") { request, context in
            let actor = try context.signedIn
            let id = try incidentID(context)
            let form = try await FormFields.of(request)
            do {
                guard let status = IncidentStatus(rawValue: form.text("status")) else {
                    throw ValidationError(field: "status", rule: "choose open, investigating or closed")
                }
                let owner = form.text("owner")
                guard owner.isEmpty || UUID(uuidString: owner) != nil else { throw ValidationError(field: "owner", rule: "choose a staff member") }
                let step = IncidentFollowUp(
                    status: status, ownerUserID: UUID(uuidString: owner), note: form.first("note") ?? "", outcome: form.first("outcome") ?? "")
                guard try await incidents.followUp(id: id, step, by: actor, from: context.clientAddress) != nil else { throw HTTPError(.notFound) }
                return Response.redirect(to: "/admin/incidents/\(id.uuidString)?saved=1", type: .normal)
            } catch let error as ValidationError {
                return try await page(request, context, id: id, message: error.inWords, typed: form, status: .badRequest)
            }
        }
    }

    private func incidentID(_ context: AcubackRequestContext) throws -> UUID {
        guard let id = context.parameters.get("id", as: UUID.self) else { throw HTTPError(.notFound) }
        return id
    }

    private func page(
        _ request: Request, _ context: AcubackRequestContext, id: UUID, saved: Bool = false, message: String? = nil, typed: FormFields? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let actor = context.actor!
        guard let incident = try await incidents.incident(id: id, by: actor, from: context.clientAddress) else { throw HTTPError(.notFound) }
        let zone = try await services.clinic.settings(clinicID: actor.clinicID).zone
        let view = IncidentPageView(
            incident, zone: zone, owners: try await incidents.possibleOwners(clinicID: actor.clinicID), typed: typed, saved: saved, message: message)
        return try renderer.render("admin-incident", context, path: "/admin/incidents", model: AdminIncidentPage(view: view), status: status)
            .response(from: request, context: context)
    }
}
