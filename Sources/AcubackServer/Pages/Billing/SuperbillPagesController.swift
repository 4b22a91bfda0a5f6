import AcubackServices
import AcubackCore
import Foundation
import Hummingbird

/// A closed session's superbill as a printable page; the API gives the same as JSON.
struct SuperbillPagesController {
    let renderer: PageRenderer
    let services: AppServices

    func addRoutes(to router: Router<AcubackRequestContext>) {
        router.get("/sessions/{id}/superbill") { request, context in
            let actor = try context.requireActor(.readBilling)
            guard let id = context.parameters.get("id", as: UUID.self) else { throw HTTPError(.notFound) }
            let back = actor.role == .patient ? "/me" : "/sessions/\(id)"
            do {
                let bill = try await services.billing.superbill(sessionID: id, by: actor, from: context.clientAddress)
                return try renderer.render(
                    "superbill", context, path: actor.role == .patient ? "/me" : "/patients", model: SuperbillPage(bill, back: back)
                ).response(from: request, context: context)
            } catch let error as RuleRefusal {
                let refusal = error.problem(instance: nil).pageRefusal
                return try renderer.render(
                    "superbill-unavailable", context, path: "/patients", model: SuperbillUnavailablePage(back: back, reason: refusal.message),
                    status: refusal.status
                ).response(from: request, context: context)
            }
        }
    }
}

/// Why a superbill cannot be made yet (the session is still open).
struct SuperbillUnavailablePage: PageModel {
    let back: String
    let reason: String
}
