import FluentKit
import Foundation

final class PractitionerModel: Model, @unchecked Sendable {
    static let schema = "practitioners"

    @ID(key: .id) var id: UUID?
    @Parent(key: "clinic_id") var clinic: ClinicModel
    @OptionalParent(key: "user_id") var user: UserModel?
    @Field(key: "display_name") var displayName: String
    @Field(key: "profession") var profession: String
    @Field(key: "biography") var biography: String
    @Field(key: "practising_since") var practisingSince: Int
    /// `WeeklyHours` in its text form; nil means the standard full-time week.
    @OptionalField(key: "weekly_hours") var weeklyHours: String?
    @Children(for: \.$practitioner) var certificates: [CertificateModel]
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(
        id: UUID? = nil, clinicID: UUID, userID: UUID?, displayName: String, profession: String,
        biography: String, practisingSince: Int
    ) {
        self.id = id
        self.$clinic.id = clinicID
        self.$user.id = userID
        self.displayName = displayName
        self.profession = profession
        self.biography = biography
        self.practisingSince = practisingSince
    }
}

final class CertificateModel: Model, @unchecked Sendable {
    static let schema = "certificates"

    @ID(key: .id) var id: UUID?
    @Parent(key: "practitioner_id") var practitioner: PractitionerModel
    @Field(key: "issuing_body") var issuingBody: String
    @Field(key: "number") var number: String
    /// ISO dates (YYYY-MM-DD) sort and compare as text on every database.
    @Field(key: "valid_from") var validFrom: String
    @Field(key: "valid_to") var validTo: String
    @OptionalField(key: "verified_by") var verifiedBy: String?
    @OptionalField(key: "verified_at") var verifiedAt: Date?

    init() {}
}
