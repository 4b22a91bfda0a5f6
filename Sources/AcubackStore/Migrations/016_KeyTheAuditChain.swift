import FluentKit
import Foundation
import SQLKit

/// Audit entries name the key that signed their hash (HMAC with a key kept outside the database).
struct KeyTheAuditChain: AsyncMigration {
    var name: String { "016_key_the_audit_chain" }

    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEventModel.schema).field("key_id", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditEventModel.schema).deleteField("key_id").update()
    }
}
