import FluentKit

struct CreatePractitioners: AsyncMigration {
    var name: String { "003_create_practitioners" }

    func prepare(on database: any Database) async throws {
        try await database.schema(PractitionerModel.schema)
            .id()
            .field("clinic_id", .uuid, .required, .references(ClinicModel.schema, .id, onDelete: .cascade))
            .field("user_id", .uuid, .references(UserModel.schema, .id, onDelete: .setNull))
            .field("display_name", .string, .required)
            .field("profession", .string, .required)
            .field("biography", .string, .required)
            .field("practising_since", .int, .required)
            .field("created_at", .datetime)
            .unique(on: "user_id")
            .create()
        try await database.schema(CertificateModel.schema)
            .id()
            .field("practitioner_id", .uuid, .required, .references(PractitionerModel.schema, .id, onDelete: .cascade))
            .field("issuing_body", .string, .required)
            .field("number", .string, .required)
            .field("valid_from", .string, .required)
            .field("valid_to", .string, .required)
            .field("verified_by", .string)
            .field("verified_at", .datetime)
            .unique(on: "issuing_body", "number")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CertificateModel.schema).delete()
        try await database.schema(PractitionerModel.schema).delete()
    }
}
