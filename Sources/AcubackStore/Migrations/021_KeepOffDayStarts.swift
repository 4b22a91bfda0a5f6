import FluentKit

/// A session started on another day than its appointment's keeps the practitioner's reason.
struct KeepOffDayStarts: AsyncMigration {
    var name: String { "021_keep_off_day_starts" }

    func prepare(on database: any Database) async throws {
        try await database.schema(TreatmentSessionModel.schema).field("off_day_reason", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(TreatmentSessionModel.schema).deleteField("off_day_reason").update()
    }
}
