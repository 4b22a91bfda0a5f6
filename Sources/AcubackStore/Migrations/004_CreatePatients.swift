import FluentKit

struct CreatePatients: AsyncMigration {
    var name: String { "004_create_patients" }

    func prepare(on database: any Database) async throws {
        try await database.schema(PatientModel.schema)
            .id()
            .field("clinic_id", .uuid, .required, .references(ClinicModel.schema, .id, onDelete: .cascade))
            .field("user_id", .uuid, .references(UserModel.schema, .id, onDelete: .setNull))
            .field("given_name", .string, .required)
            .field("family_name", .string, .required)
            .field("birth_date", .string, .required)
            .field("email", .string)
            .field("phone", .string)
            .field("pregnancy_week", .int)
            .field("anticoagulants", .bool, .required)
            .field("bleeding_disorder", .string, .required)
            .field("implanted_device", .bool, .required)
            .field("lung_disease", .bool, .required)
            .field("thoracic_surgery", .bool, .required)
            .field("bmi", .double)
            .field("fainting_history", .bool, .required)
            .field("needle_phobia", .bool, .required)
            .field("epilepsy", .bool, .required)
            .field("broken_skin_regions", .string, .required)
            .field("cannot_lie_prone", .bool, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(AssessmentModel.schema)
            .id()
            .field("patient_id", .uuid, .required, .references(PatientModel.schema, .id, onDelete: .cascade))
            .field("practitioner_id", .uuid, .required, .references(PractitionerModel.schema, .id))
            .field("recorded_at", .datetime, .required)
            .field("regions", .string, .required)
            .field("side", .string, .required)
            .field("levels", .string, .required)
            .field("radiates_to_leg", .bool, .required)
            .field("onset", .string, .required)
            .field("electroacupuncture", .bool, .required)
            .field("preferred_position", .string)
            .field("complaint", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AssessmentModel.schema).delete()
        try await database.schema(PatientModel.schema).delete()
    }
}
