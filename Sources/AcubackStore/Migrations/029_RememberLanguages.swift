import FluentKit

/// The language each account chose for its pages and mails; none until they choose, when the
/// browser's `Accept-Language` decides.
struct RememberLanguages: AsyncMigration {
    var name: String { "029_remember_languages" }

    func prepare(on database: any Database) async throws {
        try await database.schema(UserModel.schema).field("language", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UserModel.schema).deleteField("language").update()
    }
}
