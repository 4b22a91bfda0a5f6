import AcubackCore
import FluentKit
import Foundation

/// One set of measures taken in a course: pain, function, mobility, swelling, questionnaires.
final class OutcomeMeasureModel: Model, @unchecked Sendable {
    static let schema = "outcome_measures"

    @ID(key: .id) var id: UUID?
    @Field(key: "clinic_id") var clinicID: UUID
    @Parent(key: "patient_id") var patient: PatientModel
    @Parent(key: "course_id") var course: CourseModel
    @OptionalField(key: "session_id") var sessionID: UUID?
    @Field(key: "timepoint") var timepoint: String
    @Field(key: "taken_at") var takenAt: Date
    @Field(key: "recorded_by_user_id") var recordedByUserID: UUID
    @OptionalField(key: "pain_now") var painNow: Int?
    @OptionalField(key: "pain_average_week") var painAverageWeek: Int?
    @OptionalField(key: "pain_worst") var painWorst: Int?
    @OptionalField(key: "function_json") var functionJSON: String?
    /// The functional scale's mean, stored so it can be charted and summed in SQL.
    @OptionalField(key: "function_score") var functionScore: Double?
    @OptionalField(key: "fingertip_floor_cm") var fingertipToFloorCm: Double?
    @OptionalField(key: "schober_cm") var schoberCm: Double?
    @OptionalField(key: "swelling_grade") var swellingGrade: Int?
    @OptionalField(key: "roland_morris") var rolandMorris: Int?
    @OptionalField(key: "oswestry") var oswestry: Int?

    init() {}
}

/// A course review as it was made: what was compared, the category and the recommendation.
final class CourseReviewModel: Model, @unchecked Sendable {
    static let schema = "course_reviews"

    @ID(key: .id) var id: UUID?
    @Field(key: "clinic_id") var clinicID: UUID
    @Parent(key: "course_id") var course: CourseModel
    @Field(key: "after_session") var afterSession: Int
    @Field(key: "is_final") var isFinal: Bool
    @Field(key: "baseline_measure_id") var baselineMeasureID: UUID
    @Field(key: "measure_id") var measureID: UUID
    @Field(key: "scale") var scale: String
    @Field(key: "baseline_pain") var baselinePain: Int
    @Field(key: "current_pain") var currentPain: Int
    @Field(key: "category") var category: String
    @Field(key: "recommendation") var recommendation: String
    @Field(key: "note") var note: String
    @Field(key: "reviewed_by_user_id") var reviewedByUserID: UUID
    @Field(key: "reviewed_at") var reviewedAt: Date

    init() {}
}

/// A clinic's outcome settings; its id is the clinic's. No row means the defaults.
final class OutcomeSettingsModel: Model, @unchecked Sendable {
    static let schema = "outcome_settings"

    @ID(key: .id) var id: UUID?
    @Field(key: "important_percent") var importantPercent: Double
    @Field(key: "important_points") var importantPoints: Double
    /// Comma-separated `Instrument` raw values.
    @Field(key: "instruments") var instruments: String

    init() {}
}
