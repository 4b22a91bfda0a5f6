import FluentKit
import SQLKit

/// The audit trail: append-only in the database itself (triggers refuse updates and deletes), and
/// chained by hash so that a change made around the triggers is still detected.
struct CreateAuditTrail: AsyncMigration {
    var name: String { "008_create_audit_trail" }

    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEventModel.schema)
            .id()
            .field("clinic_id", .uuid, .required)
            .field("sequence", .int, .required)
            .field("at", .datetime, .required)
            .field("actor_user_id", .uuid)
            .field("actor_role", .string, .required)
            .field("action", .string, .required)
            .field("patient_id", .uuid)
            .field("record_type", .string, .required)
            .field("record_id", .string)
            .field("client_address", .string)
            .field("previous_hash", .string, .required)
            .field("hash", .string, .required)
            .unique(on: "clinic_id", "sequence")
            .create()
        try await database.schema(AuditChainHeadModel.schema)
            .id()
            .field("sequence", .int, .required)
            .field("hash", .string, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX idx_audit_events_patient ON audit_events (clinic_id, patient_id, at)").run()
        try await sql.raw("CREATE INDEX idx_audit_events_actor ON audit_events (clinic_id, actor_user_id, at)").run()
        if sql.dialect.name == "sqlite" {
            for operation in ["UPDATE", "DELETE"] {
                try await sql.raw("""
                    CREATE TRIGGER audit_events_no_\(unsafeRaw: operation.lowercased()) BEFORE \(unsafeRaw: operation) ON audit_events
                    BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END
                    """).run()
            }
        } else {
            try await sql.raw("""
                CREATE FUNCTION acuback_audit_append_only() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION 'audit events are append-only'; END; $$ LANGUAGE plpgsql
                """).run()
            try await sql.raw("""
                CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
                FOR EACH ROW EXECUTE FUNCTION acuback_audit_append_only()
                """).run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditChainHeadModel.schema).delete()
        try await database.schema(AuditEventModel.schema).delete()
        let sql = database as! any SQLDatabase
        if sql.dialect.name != "sqlite" {
            try await sql.raw("DROP FUNCTION IF EXISTS acuback_audit_append_only()").run()
        }
    }
}
