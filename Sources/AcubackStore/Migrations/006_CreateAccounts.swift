import FluentKit
import SQLKit

/// Sign-in sessions, API tokens, password resets and the sign-in attempts the throttle counts.
struct CreateAccounts: AsyncMigration {
    var name: String { "006_create_accounts" }

    func prepare(on database: any Database) async throws {
        try await database.schema(LoginSessionModel.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
            .field("csrf_token", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        try await database.schema(APITokenModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("prefix", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_used_at", .datetime)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await database.schema(PasswordResetModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await database.schema(SignInAttemptModel.schema)
            .id()
            .field("account", .string, .required)
            .field("address", .string, .required)
            .field("at", .datetime, .required)
            .field("succeeded", .bool, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX idx_sign_in_attempts_account ON sign_in_attempts (account, at)").run()
        try await sql.raw("CREATE INDEX idx_sign_in_attempts_address ON sign_in_attempts (address, at)").run()
    }

    func revert(on database: any Database) async throws {
        for schema in [SignInAttemptModel.schema, PasswordResetModel.schema, APITokenModel.schema, LoginSessionModel.schema] {
            try await database.schema(schema).delete()
        }
    }
}
