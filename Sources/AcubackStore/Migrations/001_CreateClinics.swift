import FluentKit

struct CreateClinics: AsyncMigration {
    var name: String { "001_create_clinics" }

    func prepare(on database: any Database) async throws {
        try await database.schema(ClinicModel.schema)
            .id()
            .field("name", .string, .required)
            .field("slug", .string, .required)
            .field("time_zone", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "slug")
            .create()
        try await database.schema(RoomModel.schema)
            .id()
            .field("clinic_id", .uuid, .required, .references(ClinicModel.schema, .id, onDelete: .cascade))
            .field("name", .string, .required)
            .unique(on: "clinic_id", "name")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RoomModel.schema).delete()
        try await database.schema(ClinicModel.schema).delete()
    }
}
