import AcubackCore
import AcubackServices
import Foundation
import Hummingbird

/// The admin-clinic-waitlist partial's values: how long an offer stays open.
struct WaitlistSection: Sendable {
    let offerMinutes: String
    let error: String?
    let saved: Bool
}

/// The clinic page's waitlist section: the offer window, kept apart from the booking settings.
extension AdminClinicController {
    func addWaitlistRoutes(to router: RouterGroup<AcubackRequestContext>) {
        router.post("waitlist") { request, context in
            let actor = try context.signedIn
            let form = try await FormFields.of(request)
            do {
                guard let minutes = Int(form.text("offerMinutes")) else {
                    throw ValidationError(field: "offerMinutes", rule: "must be a whole number of minutes")
                }
                try await services.waitlist.save(WaitlistSettings(offerMinutes: minutes), by: actor, from: context.clientAddress)
            } catch let error as ValidationError {
                return try await page(request, context, ClinicPageState(waitlistError: error.inWords, waitlistTyped: form.text("offerMinutes")), status: .badRequest)
            } catch WaitlistError.invalid(let error) {
                return try await page(request, context, ClinicPageState(waitlistError: error.inWords, waitlistTyped: form.text("offerMinutes")), status: .badRequest)
            }
            return Response.redirect(to: "/admin/clinic?saved=waitlist#waitlist-settings", type: .normal)
        }
    }

    func waitlistSection(clinicID: UUID, _ state: ClinicPageState) async throws -> WaitlistSection {
        let settings = try await services.waitlist.settings(clinicID: clinicID)
        return WaitlistSection(
            offerMinutes: state.waitlistTyped ?? "\(settings.offerMinutes)", error: state.waitlistError, saved: state.saved == "waitlist")
    }
}
