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
            let path = actor.role == .patient ? "/me" : "/patients"
            do {
                let bill = try await services.billing.superbill(sessionID: id, by: actor, from: context.clientAddress)
                // Back to the account, which everyone who may read the superbill may read too.
                return try renderer.render(
                    "superbill", context, path: path, model: SuperbillPage(bill, back: "/patients/\(bill.patientID)/account")
                ).response(from: request, context: context)
            } catch let error as RuleRefusal {
                let refusal = error.problem(instance: nil).pageRefusal
                return try renderer.render(
                    "superbill-unavailable", context, path: path, model: SuperbillUnavailablePage(back: actor.role == .patient ? "/me" : "/patients", reason: refusal.message),
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
