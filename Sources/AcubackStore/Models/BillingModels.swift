import AcubackCore
import FluentKit
import Foundation

/// A clinic's billing settings; the id is the clinic's.
final class BillingSettingsModel: Model, @unchecked Sendable {
    static let schema = "billing_settings"

    @ID(key: .id) var id: UUID?
    @Field(key: "mode") var mode: BillingSettings.Mode
    @Field(key: "currency") var currency: String
    /// The fee per procedure code, as JSON `{"97810": 7500}`.
    @Field(key: "fees") var fees: String
    @Field(key: "session_fee") var sessionFee: Int
    @Field(key: "tax_id") var taxID: String
    @Field(key: "place_of_service") var placeOfService: String

    init() {}
}

/// A practitioner's billing identity; the id is the practitioner's.
final class BillingProviderModel: Model, @unchecked Sendable {
    static let schema = "billing_providers"

    @ID(key: .id) var id: UUID?
    @Field(key: "clinic_id") var clinicID: UUID
    @Field(key: "npi") var npi: String
    @Field(key: "credentials") var credentials: String

    init() {}
}
