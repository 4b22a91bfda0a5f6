import FluentKit
import Foundation

final class UserModel: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Parent(key: "clinic_id") var clinic: ClinicModel
    @Field(key: "email") var email: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "role") var role: String
    @OptionalField(key: "password_hash") var passwordHash: String?
    @OptionalField(key: "disabled_at") var disabledAt: Date?
    /// A `Language` tag; nil until the person chooses.
    @OptionalField(key: "language") var language: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(id: UUID? = nil, clinicID: UUID, email: String, displayName: String, role: String, passwordHash: String?) {
        self.id = id
        self.$clinic.id = clinicID
        self.email = email
        self.displayName = displayName
        self.role = role
        self.passwordHash = passwordHash
    }
}
