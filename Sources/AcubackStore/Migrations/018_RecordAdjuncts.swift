import FluentKit

/// A session keeps the treatments given beside the needles (moxibustion, cupping, heat) and what
/// the patient was told or asked to do, for STRICTA 4a and 4b.
struct RecordAdjuncts: AsyncMigration {
    var name: String { "018_record_adjuncts" }

    func prepare(on database: any Database) async throws {
        try await database.schema(TreatmentSessionModel.schema).field("adjuncts_json", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(TreatmentSessionModel.schema).deleteField("adjuncts_json").update()
    }
}
