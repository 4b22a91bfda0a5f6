import FluentKit

/// A patient's week of pregnancy keeps the day it was given, so the safety rules count it on to the
/// day of each session instead of reading a week that has gone stale.
struct KeepPregnancyDates: AsyncMigration {
    var name: String { "019_keep_pregnancy_dates" }

    func prepare(on database: any Database) async throws {
        try await database.schema(PatientModel.schema).field("pregnancy_recorded_on", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PatientModel.schema).deleteField("pregnancy_recorded_on").update()
    }
}
