import AcubackCore
import FluentKit
import Foundation

/// A practitioner's identity on a bill.
public struct BillingProvider: Sendable, Equatable {
    public let practitionerID: UUID
    public let npi: String
    public let credentials: String

    public init(practitionerID: UUID, npi: String, credentials: String) {
        self.practitionerID = practitionerID
        self.npi = npi
        self.credentials = credentials
    }
}

/// How each clinic bills, and its practitioners' billing identities.
public struct BillingStore: Sendable {
    let store: AcubackDatabase

    public init(_ store: AcubackDatabase) {
        self.store = store
    }

    /// The clinic's settings, or the defaults (procedure codes in US dollars, no fees set yet).
    public func settings(clinicID: UUID) async throws -> BillingSettings {
        guard let row = try await BillingSettingsModel.find(clinicID, on: store.reader) else { return BillingSettings() }
        let fees = (try? JSONDecoder().decode([String: Int].self, from: Data(row.fees.utf8))) ?? [:]
        return BillingSettings(
            mode: row.mode, currency: row.currency, fees: fees, sessionFee: row.sessionFee, taxID: row.taxID, placeOfService: row.placeOfService)
    }

    public func saveSettings(_ settings: BillingSettings, clinicID: UUID, audit: AuditEntry? = nil, at now: Date = Date()) async throws {
        try settings.validate()
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let fees = String(decoding: try encoder.encode(settings.fees), as: UTF8.self)
        try await store.change(audit, at: now) { db in
            let row = try await BillingSettingsModel.find(clinicID, on: db) ?? BillingSettingsModel()
            row.id = clinicID
            row.mode = settings.mode
            row.currency = settings.currency
            row.fees = fees
            row.sessionFee = settings.sessionFee
            row.taxID = settings.taxID
            row.placeOfService = settings.placeOfService
            try await row.save(on: db)
            return ((), clinicID.uuidString)
        }
    }

    public func providers(clinicID: UUID) async throws -> [BillingProvider] {
        try await BillingProviderModel.query(on: store.reader).filter(\.$clinicID == clinicID).all().map(\.provider)
    }

    public func provider(practitionerID: UUID) async throws -> BillingProvider? {
        try await BillingProviderModel.find(practitionerID, on: store.reader)?.provider
    }

    public func saveProvider(_ provider: BillingProvider, clinicID: UUID, audit: AuditEntry? = nil, at now: Date = Date()) async throws {
        try await store.change(audit, at: now) { db in
            let row = try await BillingProviderModel.find(provider.practitionerID, on: db) ?? BillingProviderModel()
            row.id = provider.practitionerID
            row.clinicID = clinicID
            row.npi = provider.npi
            row.credentials = provider.credentials
            try await row.save(on: db)
            return ((), provider.practitionerID.uuidString)
        }
    }
}

extension BillingProviderModel {
    var provider: BillingProvider { BillingProvider(practitionerID: id!, npi: npi, credentials: credentials) }
}
