import FluentKit
import SQLKit

/// The clinic's public name, address and telephone; its holidays; rooms that can be retired;
/// and incidents followed up to closed, with their notes.
struct KeepClinicDetails: AsyncMigration {
    var name: String { "022_keep_clinic_details" }

    func prepare(on database: any Database) async throws {
        try await database.schema(ClinicSettingsModel.schema).field("public_name", .string).update()
        try await database.schema(ClinicSettingsModel.schema).field("address", .string).update()
        try await database.schema(ClinicSettingsModel.schema).field("phone", .string).update()
        try await database.schema(ClinicHolidayModel.schema)
            .id()
            .field("clinic_id", .uuid, .required, .references(ClinicModel.schema, .id, onDelete: .cascade))
            .field("day", .string, .required)
            .field("label", .string, .required)
            .unique(on: "clinic_id", "day")
            .create()
        try await database.schema(RoomModel.schema).field("retired_at", .datetime).update()
        // Incidents recorded before follow-up existed start open.
        try await database.schema(IncidentModel.schema).field("status", .string, .required, .sql(.default(SQLLiteral.string("open")))).update()
        try await database.schema(IncidentModel.schema).field("owner_user_id", .uuid).update()
        try await database.schema(IncidentModel.schema).field("outcome", .string).update()
        try await database.schema(IncidentModel.schema).field("closed_at", .datetime).update()
        try await database.schema(IncidentNoteModel.schema)
            .id()
            .field("incident_id", .uuid, .required, .references(IncidentModel.schema, .id, onDelete: .cascade))
            .field("author_user_id", .uuid, .required)
            .field("author_name", .string, .required)
            .field("written_at", .datetime, .required)
            .field("text", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(IncidentNoteModel.schema).delete()
        for field in ["closed_at", "outcome", "owner_user_id", "status"] {
            try await database.schema(IncidentModel.schema).deleteField(.string(field)).update()
        }
        try await database.schema(RoomModel.schema).deleteField("retired_at").update()
        try await database.schema(ClinicHolidayModel.schema).delete()
        for field in ["phone", "address", "public_name"] {
            try await database.schema(ClinicSettingsModel.schema).deleteField(.string(field)).update()
        }
    }
}
