import AcubackCore
import AcubackServices
import Foundation
import Hummingbird

/// The offer a mailed link opens: no sign-in needed, since the link's token is the patient's
/// own, used once, and lapses with the offer.
extension WaitlistPagesController {
    func addOfferRoutes(to router: Router<AcubackRequestContext>) {
        router.get("/waitlist/offers/{token}") { request, context in
            try await offerPage(request, context)
        }
        router.post("/waitlist/offers/{token}") { request, context in
            let token = context.parameters.get("token") ?? ""
            do {
                _ = try await waitlist.take(token: token, from: context.clientAddress)
                return try await offerPage(request, context, booked: true)
            } catch let error as WaitlistError {
                let status: HTTPResponse.Status = if case .offerGone = error { .gone } else { .conflict }
                return try await offerPage(request, context, message: error.description, status: status)
            }
        }
    }

    func offerPage(
        _ request: Request, _ context: AcubackRequestContext, booked: Bool = false, message: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        guard let offer = try await waitlist.offer(token: token, from: context.clientAddress) else { throw HTTPError(.notFound) }
        let zone = try await services.clinic.settings(clinicID: offer.clinicID).zone
        let open = offer.status == .open && offer.expiresAt > services.now()
        let gone: String? = if booked || open { nil } else {
            WaitlistError.offerGone(offer.status == .open ? .expired : offer.status).description
        }
        let model = WaitlistOfferPage(
            token: token, when: DisplayTime.format(offer.start, in: zone), kind: PlainWords.visit(offer.kind), with: offer.practitionerName,
            until: DisplayTime.format(offer.expiresAt, in: zone), open: open && !booked, booked: booked,
            gone: message == nil ? gone : nil, message: message)
        return try renderer.render("waitlist-offer", context, path: "/waitlist/offers", model: model, status: status)
            .response(from: request, context: context)
    }
}
