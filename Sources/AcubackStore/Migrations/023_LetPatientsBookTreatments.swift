import FluentKit

/// A clinic may let patients with a plan book their own treatments; off until the clinic says so.
struct LetPatientsBookTreatments: AsyncMigration {
    var name: String { "023_let_patients_book_treatments" }

    func prepare(on database: any Database) async throws {
        try await database.schema(ClinicSettingsModel.schema).field("patients_book_treatments", .bool, .required, .sql(.default(false))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ClinicSettingsModel.schema).deleteField("patients_book_treatments").update()
    }
}
