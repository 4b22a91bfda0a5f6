import FluentKit

/// Where a patient has a metal implant, so no electroacupuncture current runs through it.
struct RecordMetalImplants: AsyncMigration {
    var name: String { "020_record_metal_implants" }

    func prepare(on database: any Database) async throws {
        try await database.schema(PatientModel.schema).field("metal_implant_regions", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PatientModel.schema).deleteField("metal_implant_regions").update()
    }
}
