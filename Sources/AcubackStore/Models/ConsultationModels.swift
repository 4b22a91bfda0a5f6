import AcubackCore
import FluentKit
import Foundation

/// A red-flag screen, asked at a first consultation (`source` assessment) or a course review.
final class RedFlagScreenModel: Model, @unchecked Sendable {
    static let schema = "red_flag_screens"

    @ID(key: .id) var id: UUID?
    @Field(key: "clinic_id") var clinicID: UUID
    @Parent(key: "patient_id") var patient: PatientModel
    /// Comma-separated `RedFlag` raw values; empty when the screen found none.
    @Field(key: "flags") var flags: String
    @Field(key: "source") var source: RedFlagScreenSource
    @OptionalField(key: "source_id") var sourceID: UUID?
    @Field(key: "screened_at") var screenedAt: Date
    @OptionalField(key: "screened_by_user_id") var screenedBy: UUID?

    init() {}
}

/// Where a red-flag screen was asked.
public enum RedFlagScreenSource: String, Codable, Sendable {
    case assessment, review
}

final class RedFlagDecisionModel: Model, @unchecked Sendable {
    static let schema = "red_flag_decisions"

    @ID(key: .id) var id: UUID?
    @Field(key: "clinic_id") var clinicID: UUID
    @Parent(key: "patient_id") var patient: PatientModel
    @Field(key: "outcome") var outcome: RedFlagOutcome
    @Field(key: "reason") var reason: String
    @OptionalField(key: "referred_to") var referredTo: String?
    @Field(key: "decided_by_user_id") var decidedBy: UUID
    @Field(key: "decided_by_name") var decidedByName: String
    @Field(key: "decided_at") var decidedAt: Date

    init() {}
}

/// One version of a clinic's consent text; a published version never changes.
final class ConsentTextModel: Model, @unchecked Sendable {
    static let schema = "consent_texts"

    @ID(key: .id) var id: UUID?
    @Field(key: "clinic_id") var clinicID: UUID
    @Field(key: "version") var version: String
    @Field(key: "text") var text: String
    @Field(key: "published_at") var publishedAt: Date
    @OptionalField(key: "published_by_user_id") var publishedBy: UUID?

    init() {}
}

/// A session's note as written; an amendment is a new row, the earlier stays.
final class SessionNoteModel: Model, @unchecked Sendable {
    static let schema = "session_notes"

    @ID(key: .id) var id: UUID?
    @Parent(key: "session_id") var session: TreatmentSessionModel
    @Field(key: "written_at") var writtenAt: Date
    @Field(key: "written_by_user_id") var writtenBy: UUID
    @Field(key: "written_by_name") var writtenByName: String
    /// Written after the session closed.
    @Field(key: "amendment") var amendment: Bool
    @Field(key: "subjective") var subjective: String
    @Field(key: "objective") var objective: String
    @Field(key: "assessment") var assessment: String
    @Field(key: "plan") var plan: String
    @Field(key: "tongue") var tongue: String
    @Field(key: "pulse") var pulse: String
    @Field(key: "pattern") var pattern: String

    init() {}
}
