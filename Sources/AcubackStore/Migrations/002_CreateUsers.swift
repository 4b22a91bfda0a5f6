import FluentKit

struct CreateUsers: AsyncMigration {
    var name: String { "002_create_users" }

    func prepare(on database: any Database) async throws {
        try await database.schema(UserModel.schema)
            .id()
            .field("clinic_id", .uuid, .required, .references(ClinicModel.schema, .id, onDelete: .cascade))
            .field("email", .string, .required)
            .field("display_name", .string, .required)
            .field("role", .string, .required)
            .field("password_hash", .string)
            .field("disabled_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "email")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UserModel.schema).delete()
    }
}
