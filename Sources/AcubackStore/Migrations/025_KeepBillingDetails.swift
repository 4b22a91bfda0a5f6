import FluentKit

/// How each clinic bills (fees per code or per session, currency, tax id) and each practitioner's
/// billing identity (NPI, credentials), kept apart from the clinic's booking settings.
struct KeepBillingDetails: AsyncMigration {
    var name: String { "025_keep_billing_details" }

    func prepare(on database: any Database) async throws {
        try await database.schema(BillingSettingsModel.schema)
            .id()
            .field("mode", .string, .required)
            .field("currency", .string, .required)
            .field("fees", .string, .required)
            .field("session_fee", .int64, .required)
            .field("tax_id", .string, .required)
            .field("place_of_service", .string, .required)
            .create()
        try await database.schema(BillingProviderModel.schema)
            .id()
            .field("clinic_id", .uuid, .required, .references(ClinicModel.schema, .id, onDelete: .cascade))
            .field("npi", .string, .required)
            .field("credentials", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(BillingProviderModel.schema).delete()
        try await database.schema(BillingSettingsModel.schema).delete()
    }
}
