import AcubackServices
import AcubackCore
import Foundation

/// The admin-billing template's values.
struct AdminBillingPage: PageModel {
    struct FeeRow: Sendable {
        let code: String
        let summary: String
        let amount: String
    }

    struct CurrencyChoice: Sendable {
        let code: String
        let selected: Bool
    }

    struct ProviderRow: Sendable {
        let id: String
        let name: String
        let npi: String
        let credentials: String
    }

    let byCode: Bool
    let perSession: Bool
    let currencies: [CurrencyChoice]
    let fees: [FeeRow]
    let sessionFee: String
    let taxID: String
    let placeOfService: String
    let providers: [ProviderRow]
    let hasProviders: Bool
    let saved: String?
    let message: String?

    init(settings: BillingSettings, providers: [(PractitionerRecord, ProviderIdentity)], saved: String, message: String?) {
        byCode = settings.mode == .procedureCodes
        perSession = settings.mode == .perSession
        currencies = Currency.codes.map { CurrencyChoice(code: $0, selected: $0 == settings.currency) }
        func typed(_ minor: Int) -> String { Money(minor, settings.currency).figure }
        fees = BillingCatalogue.procedures.map { FeeRow(code: $0.code, summary: $0.summary, amount: typed(settings.fee(for: $0))) }
        sessionFee = typed(settings.sessionFee)
        taxID = settings.taxID
        placeOfService = settings.placeOfService
        self.providers = providers.map { ProviderRow(id: $0.0.id.uuidString, name: $0.0.name, npi: $0.1.npi, credentials: $0.1.credentials) }
        hasProviders = !providers.isEmpty
        self.saved = saved.isEmpty ? nil : saved
        self.message = message
    }
}
