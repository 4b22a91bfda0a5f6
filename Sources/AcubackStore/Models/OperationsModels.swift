import AcubackCore
import FluentKit
import Foundation

/// A clinic's booking settings; the id is the clinic's.
final class ClinicSettingsModel: Model, @unchecked Sendable {
    static let schema = "clinic_settings"

    @ID(key: .id) var id: UUID?
    @Field(key: "opening_hours") var openingHours: String
    @Field(key: "consultation_minutes") var consultationMinutes: Int
    @Field(key: "treatment_minutes") var treatmentMinutes: Int
    @Field(key: "review_minutes") var reviewMinutes: Int
    @Field(key: "notice_hours") var noticeHours: Int
    @Field(key: "consent_version") var consentVersion: String
    @Field(key: "open_first_consultations") var openFirstConsultations: Int
    @Field(key: "patients_book_treatments") var patientsBookTreatments: Bool
    /// Nil until the clinic gives them; the public pages then say "Acuback" and no number.
    @OptionalField(key: "public_name") var publicName: String?
    @OptionalField(key: "address") var address: String?
    @OptionalField(key: "phone") var phone: String?

    init() {}
}

/// A day the clinic is closed; one row per clinic and day.
final class ClinicHolidayModel: Model, @unchecked Sendable {
    static let schema = "clinic_holidays"

    @ID(key: .id) var id: UUID?
    @Field(key: "clinic_id") var clinicID: UUID
    @Field(key: "day") var day: String
    @Field(key: "label") var label: String

    init() {}
}

final class AvailabilityExceptionModel: Model, @unchecked Sendable {
    static let schema = "availability_exceptions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "practitioner_id") var practitioner: PractitionerModel
    @Field(key: "first_day") var firstDay: String
    @Field(key: "last_day") var lastDay: String
    @Field(key: "reason") var reason: String

    init() {}
}

/// A patient's informed consent: which version of the text, when, and who recorded it.
final class ConsentModel: Model, @unchecked Sendable {
    static let schema = "consents"

    @ID(key: .id) var id: UUID?
    @Parent(key: "patient_id") var patient: PatientModel
    @Field(key: "version") var version: String
    @Field(key: "given_at") var givenAt: Date
    @OptionalField(key: "recorded_by_user_id") var recordedBy: UUID?
    /// Nil on consents recorded before the method was kept.
    @OptionalField(key: "method") var method: ConsentMethod?
    @OptionalField(key: "signed_name") var signedName: String?
    @OptionalField(key: "reason") var reason: String?

    init() {}
}

/// A secret calendar link; only its hash is stored.
final class CalendarFeedModel: Model, @unchecked Sendable {
    static let schema = "calendar_feeds"

    @ID(key: .id) var id: UUID?
    @Field(key: "owner_type") var ownerType: String
    @Field(key: "owner_id") var ownerID: UUID
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// A course of treatment sessions booked together.
final class CourseModel: Model, @unchecked Sendable {
    static let schema = "courses"

    @ID(key: .id) var id: UUID?
    @Field(key: "clinic_id") var clinicID: UUID
    @Parent(key: "patient_id") var patient: PatientModel
    @Parent(key: "practitioner_id") var practitioner: PractitionerModel
    @Field(key: "sessions") var sessions: Int
    @Field(key: "per_week") var perWeek: Int
    @Field(key: "kind") var kind: AppointmentKind
    @Field(key: "status") var status: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "plan_id") var planID: UUID?
    /// The regimen as JSON; courses booked before regimens existed have none.
    @OptionalField(key: "regimen_json") var regimenJSON: String?
    /// The painful regions and the plan's protocol when the course was made, kept for the analytics.
    @OptionalField(key: "region") var region: String?
    @OptionalField(key: "protocol") var protocolName: String?
    /// Set on the five extra sessions offered to a partial responder.
    @OptionalField(key: "extends_course_id") var extendsCourseID: UUID?
    /// Kept up to date as measures arrive (`keep`), with their pain scores, so the analytics
    /// read one row per course and no measures.
    @OptionalField(key: "baseline_measure_id") var baselineMeasureID: UUID?
    @OptionalField(key: "latest_measure_id") var latestMeasureID: UUID?
    @OptionalField(key: "baseline_pain_week") var baselinePainWeek: Int?
    @OptionalField(key: "baseline_pain_now") var baselinePainNow: Int?
    @OptionalField(key: "latest_pain_week") var latestPainWeek: Int?
    @OptionalField(key: "latest_pain_now") var latestPainNow: Int?

    init() {}

    func keepBaseline(_ measure: OutcomeMeasureModel) {
        baselineMeasureID = measure.id
        baselinePainWeek = measure.painAverageWeek
        baselinePainNow = measure.painNow
    }

    func keepLatest(_ measure: OutcomeMeasureModel) {
        latestMeasureID = measure.id
        latestPainWeek = measure.painAverageWeek
        latestPainNow = measure.painNow
    }
}

/// A clinic's messaging settings; its id is the clinic's. No row means `MessagingSettings.standard`.
final class ClinicMessagingModel: Model, @unchecked Sendable {
    static let schema = "clinic_messaging"

    @ID(key: .id) var id: UUID?
    @Field(key: "confirm_by_email") var confirmByEmail: Bool
    @Field(key: "confirm_by_text") var confirmByText: Bool
    @Field(key: "remind_by_email") var remindByEmail: Bool
    @Field(key: "remind_by_text") var remindByText: Bool
    @Field(key: "reminder_hours") var reminderHours: Int

    init() {}
}
