import FluentKit

/// Payments with their receipts, prepaid packages, and the sessions drawn from each package.
struct KeepPaymentsAndPackages: AsyncMigration {
    var name: String { "028_keep_payments_and_packages" }

    func prepare(on database: any Database) async throws {
        try await database.schema(PackageModel.schema)
            .id()
            .field("clinic_id", .uuid, .required, .references(ClinicModel.schema, .id, onDelete: .cascade))
            .field("patient_id", .uuid, .required, .references(PatientModel.schema, .id, onDelete: .cascade))
            .field("name", .string, .required)
            .field("sessions", .int, .required)
            .field("price", .int64, .required)
            .field("currency", .string, .required)
            .field("expires", .string, .required)
            .field("sold_at", .datetime, .required)
            .field("cancelled_at", .datetime)
            .create()
        try await database.schema(PaymentModel.schema)
            .id()
            .field("clinic_id", .uuid, .required, .references(ClinicModel.schema, .id, onDelete: .cascade))
            .field("patient_id", .uuid, .required, .references(PatientModel.schema, .id, onDelete: .cascade))
            .field("session_id", .uuid)
            .field("package_id", .uuid, .references(PackageModel.schema, .id, onDelete: .setNull))
            .field("amount", .int64, .required)
            .field("currency", .string, .required)
            .field("method", .string, .required)
            .field("note", .string, .required)
            .field("received_at", .datetime, .required)
            .field("received_by", .uuid)
            .field("receipt", .string, .required)
            .unique(on: "receipt")
            .create()
        try await database.schema(PackageDrawModel.schema)
            .id()
            .field("package_id", .uuid, .required, .references(PackageModel.schema, .id, onDelete: .cascade))
            .field("session_id", .uuid, .required)
            .field("drawn_at", .datetime, .required)
            // A session is paid from one package once.
            .unique(on: "session_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PackageDrawModel.schema).delete()
        try await database.schema(PaymentModel.schema).delete()
        try await database.schema(PackageModel.schema).delete()
    }
}
