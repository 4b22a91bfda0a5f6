import FluentKit
import Foundation

final class PatientModel: Model, @unchecked Sendable {
    static let schema = "patients"

    @ID(key: .id) var id: UUID?
    @Parent(key: "clinic_id") var clinic: ClinicModel
    @OptionalParent(key: "user_id") var user: UserModel?
    @Field(key: "given_name") var givenName: String
    @Field(key: "family_name") var familyName: String
    @Field(key: "birth_date") var birthDate: String
    @OptionalField(key: "email") var email: String?
    @OptionalField(key: "phone") var phone: String?
    @OptionalField(key: "pregnancy_week") var pregnancyWeek: Int?
    /// The day the week of pregnancy was given (YYYY-MM-DD), so it is counted on, never stale.
    @OptionalField(key: "pregnancy_recorded_on") var pregnancyRecordedOn: String?
    @Field(key: "anticoagulants") var anticoagulants: Bool
    @Field(key: "bleeding_disorder") var bleedingDisorder: String
    @Field(key: "implanted_device") var implantedDevice: Bool
    @Field(key: "lung_disease") var lungDisease: Bool
    @Field(key: "thoracic_surgery") var thoracicSurgery: Bool
    @OptionalField(key: "bmi") var bmi: Double?
    @Field(key: "fainting_history") var faintingHistory: Bool
    @Field(key: "needle_phobia") var needlePhobia: Bool
    @Field(key: "epilepsy") var epilepsy: Bool
    /// Comma-separated `SkinRegion` raw values; one portable column on SQLite and PostgreSQL.
    @Field(key: "broken_skin_regions") var brokenSkinRegions: String
    @OptionalField(key: "metal_implant_regions") var metalImplantRegions: String?
    @Field(key: "cannot_lie_prone") var cannotLieProne: Bool
    /// The patient asked for text messages (confirmations, reminders); nil, as for patients
    /// registered before it could be asked, means no.
    @OptionalField(key: "text_reminders") var textReminders: Bool?
    /// When the intake form was first saved; nil while it is still to do.
    @OptionalField(key: "intake_completed_at") var intakeCompletedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

final class AssessmentModel: Model, @unchecked Sendable {
    static let schema = "assessments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "patient_id") var patient: PatientModel
    @Parent(key: "practitioner_id") var practitioner: PractitionerModel
    @Field(key: "recorded_at") var recordedAt: Date
    /// Comma-separated raw values, in the order the practitioner gave them.
    @Field(key: "regions") var regions: String
    @Field(key: "side") var side: String
    @Field(key: "levels") var levels: String
    @Field(key: "radiates_to_leg") var radiatesToLeg: Bool
    @Field(key: "onset") var onset: String
    @Field(key: "electroacupuncture") var electroacupuncture: Bool
    @OptionalField(key: "preferred_position") var preferredPosition: String?
    @Field(key: "complaint") var complaint: String
    @OptionalField(key: "duration_weeks") var durationWeeks: Int?
    /// Comma-separated `RedFlag` raw values found by the screen; nil on assessments made before screening was recorded.
    @OptionalField(key: "red_flags") var redFlags: String?
    @OptionalField(key: "examination_json") var examinationJSON: String?
    /// The risk factors the assessment was planned with; nil on assessments made before snapshots were kept.
    @OptionalField(key: "risks_json") var risksJSON: String?
    @OptionalField(key: "recorded_by_user_id") var recordedBy: UUID?

    init() {}
}
