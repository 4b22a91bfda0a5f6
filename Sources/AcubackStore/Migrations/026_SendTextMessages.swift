import FluentKit
import SQLKit

/// Text messages beside e-mail: each outbox message has a channel (what was queued before is
/// e-mail); the clinic's messaging settings; a patient's wish for text messages; and the moment
/// the patient's intake form was first completed, which the portal's checklist reads.
struct SendTextMessages: AsyncMigration {
    var name: String { "026_send_text_messages" }

    func prepare(on database: any Database) async throws {
        try await database.schema(OutboxMessageModel.schema)
            .field("channel", .string, .required, .sql(.default(SQLLiteral.string("email")))).update()
        try await database.schema(ClinicMessagingModel.schema)
            .id()
            .field("confirm_by_email", .bool, .required)
            .field("confirm_by_text", .bool, .required)
            .field("remind_by_email", .bool, .required)
            .field("remind_by_text", .bool, .required)
            .field("reminder_hours", .int, .required)
            .create()
        try await database.schema(PatientModel.schema).field("text_reminders", .bool).update()
        try await database.schema(PatientModel.schema).field("intake_completed_at", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PatientModel.schema).deleteField("intake_completed_at").update()
        try await database.schema(PatientModel.schema).deleteField("text_reminders").update()
        try await database.schema(ClinicMessagingModel.schema).delete()
        try await database.schema(OutboxMessageModel.schema).deleteField("channel").update()
    }
}
