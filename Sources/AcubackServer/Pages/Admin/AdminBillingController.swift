import AcubackServices
import AcubackCore
import Foundation
import Hummingbird

/// The admin's billing page: how the clinic bills, its fees, and each practitioner's NPI and
/// credentials. Every change goes through BillingService.
struct AdminBillingController {
    let renderer: PageRenderer
    let services: AppServices

    func addRoutes(to router: RouterGroup<AcubackRequestContext>) {
        router.get("billing") { request, context in
            try await page(request, context, saved: FormFields(request.uri.queryParameters).text("saved"))
        }
        router.post("billing") { request, context in
            let actor = try context.signedIn
            let form = try await FormFields.of(request)
            do {
                try await services.billing.saveSettings(try Self.settings(from: form), by: actor, from: context.clientAddress)
                return Response.redirect(to: "/admin/billing?saved=settings", type: .normal)
            } catch let error as ValidationError {
                return try await page(request, context, message: error.inWords, status: .badRequest)
            }
        }
        router.post("billing/providers/{id}") { request, context in
            let actor = try context.signedIn
            guard let id = context.parameters.get("id", as: UUID.self) else { throw HTTPError(.notFound) }
            let form = try await FormFields.of(request)
            do {
                try await services.billing.saveProvider(
                    ProviderIdentity(npi: form.text("npi"), credentials: form.text("credentials")), for: id, by: actor, from: context.clientAddress)
                return Response.redirect(to: "/admin/billing?saved=provider", type: .normal)
            } catch let error as ValidationError {
                return try await page(request, context, message: error.inWords, status: .badRequest)
            } catch is NotFound {
                throw HTTPError(.notFound)
            }
        }
    }

    /// The form read into settings: amounts typed as "75.00" in the chosen currency.
    static func settings(from form: FormFields) throws(ValidationError) -> BillingSettings {
        var errors = FieldErrorCollector()
        let currency = form.text("currency")
        func amount(_ field: String) -> Int {
            let text = form.text(field)
            if text.isEmpty { return 0 }
            guard let minor = Currency.minorUnits(from: text, in: currency) else {
                errors.add(field, "must be an amount such as 75.00, not negative")
                return 0
            }
            return minor
        }
        var fees: [String: Int] = [:]
        for code in BillingCatalogue.procedures { fees[code.code] = amount("fee-\(code.code)") }
        let settings = BillingSettings(
            mode: BillingSettings.Mode(rawValue: form.text("mode")) ?? .procedureCodes, currency: currency, fees: fees,
            sessionFee: amount("sessionFee"), taxID: form.text("taxID").trimmingCharacters(in: .whitespaces),
            placeOfService: form.text("placeOfService").trimmingCharacters(in: .whitespaces))
        do { try settings.validate() } catch { for problem in error.errors { errors.add(problem.field, problem.rule) } }
        try errors.throwIfAny()
        return settings
    }

    func page(
        _ request: Request, _ context: AcubackRequestContext, saved: String = "", message: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let actor = try context.signedIn
        let settings = try await services.billing.settings(by: actor)
        let providers = try await services.billing.providers(by: actor)
        let model = AdminBillingPage(settings: settings, providers: providers, saved: saved, message: message)
        return try renderer.render("admin-billing", context, path: "/admin/billing", model: model, status: status)
            .response(from: request, context: context)
    }
}
