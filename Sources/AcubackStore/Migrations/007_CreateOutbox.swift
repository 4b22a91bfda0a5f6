import FluentKit
import SQLKit

struct CreateOutbox: AsyncMigration {
    var name: String { "007_create_outbox" }

    func prepare(on database: any Database) async throws {
        try await database.schema(OutboxMessageModel.schema)
            .id()
            .field("kind", .string, .required)
            .field("recipient", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("available_at", .datetime, .required)
            .field("claimed_until", .datetime)
            .field("claim_token", .string)
            .field("sent_at", .datetime)
            .field("last_error", .string)
            .field("created_at", .datetime, .required)
            .create()
        try await (database as! any SQLDatabase)
            .raw("CREATE INDEX idx_outbox_pending ON outbox_messages (status, available_at)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OutboxMessageModel.schema).delete()
    }
}
