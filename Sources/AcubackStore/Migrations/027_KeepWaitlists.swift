import FluentKit

/// The waitlist: patients waiting for a time, the offers made to them when one frees, and how
/// long each clinic leaves an offer open.
struct KeepWaitlists: AsyncMigration {
    var name: String { "027_keep_waitlists" }

    func prepare(on database: any Database) async throws {
        try await database.schema(WaitlistEntryModel.schema)
            .id()
            .field("clinic_id", .uuid, .required, .references(ClinicModel.schema, .id, onDelete: .cascade))
            .field("patient_id", .uuid, .required, .references(PatientModel.schema, .id, onDelete: .cascade))
            .field("practitioner_id", .uuid, .references(PractitionerModel.schema, .id, onDelete: .cascade))
            .field("kind", .string, .required)
            .field("weekdays", .string, .required)
            .field("from_minute", .int, .required)
            .field("to_minute", .int, .required)
            .field("first_day", .string, .required)
            .field("last_day", .string, .required)
            .field("status", .string, .required)
            .field("joined_at", .datetime, .required)
            .field("joined_by_user_id", .uuid)
            .field("closed_at", .datetime)
            .create()
        try await database.schema(WaitlistOfferModel.schema)
            .id()
            .field("entry_id", .uuid, .required, .references(WaitlistEntryModel.schema, .id, onDelete: .cascade))
            .field("clinic_id", .uuid, .required, .references(ClinicModel.schema, .id, onDelete: .cascade))
            .field("patient_id", .uuid, .required, .references(PatientModel.schema, .id, onDelete: .cascade))
            .field("practitioner_id", .uuid, .required, .references(PractitionerModel.schema, .id, onDelete: .cascade))
            .field("kind", .string, .required)
            .field("starts_at", .datetime, .required)
            .field("freed_minutes", .int, .required)
            .field("freed_by_patient_id", .uuid)
            .field("token_hash", .string, .required)
            .field("status", .string, .required)
            .field("offered_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("answered_at", .datetime)
            .field("appointment_id", .uuid)
            .unique(on: "token_hash")
            .create()
        try await database.schema(WaitlistSettingsModel.schema)
            .id()
            .field("offer_minutes", .int, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(WaitlistSettingsModel.schema).delete()
        try await database.schema(WaitlistOfferModel.schema).delete()
        try await database.schema(WaitlistEntryModel.schema).delete()
    }
}
