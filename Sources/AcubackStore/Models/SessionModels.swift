import AcubackCore
import FluentKit
import Foundation

/// A plan the practitioner settled on for a patient; the newest is the patient's current plan.
final class TreatmentPlanModel: Model, @unchecked Sendable {
    static let schema = "treatment_plans"

    @ID(key: .id) var id: UUID?
    @Parent(key: "patient_id") var patient: PatientModel
    @Parent(key: "practitioner_id") var practitioner: PractitionerModel
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "needle_count") var needleCount: Int
    /// The whole plan (needles, position, retention, findings, sources), in `plan_documents`.
    @Field(key: "plan_digest") var planDigest: String

    init() {}
}

/// One treatment at the chair. The needle counts are not stored here: they are replayed from
/// the session's needle events, so there is one truth for every device.
final class TreatmentSessionModel: Model, @unchecked Sendable {
    static let schema = "treatment_sessions"

    @ID(key: .id) var id: UUID?
    @Field(key: "clinic_id") var clinicID: UUID
    @Parent(key: "patient_id") var patient: PatientModel
    @Parent(key: "practitioner_id") var practitioner: PractitionerModel
    @Parent(key: "appointment_id") var appointment: AppointmentModel
    @Parent(key: "plan_id") var plan: TreatmentPlanModel
    /// The plan as it was when the session started, in `plan_documents`; a later plan does not
    /// change this session.
    @Field(key: "plan_digest") var planDigest: String
    @Field(key: "position") var position: TreatmentPosition
    @Field(key: "pain_before") var painBefore: Int
    @Field(key: "target_minutes") var targetMinutes: Int
    @Field(key: "started_at") var startedAt: Date
    @OptionalField(key: "timer_started_at") var timerStartedAt: Date?
    @OptionalField(key: "closed_at") var closedAt: Date?
    @OptionalField(key: "pain_after") var painAfter: Int?
    /// Comma-separated `ImmediateReaction` raw values.
    @Field(key: "reactions") var reactions: String
    @Field(key: "advice_given") var adviceGiven: Bool
    @OptionalField(key: "removal_reason") var removalReason: String?
    /// The session's adjunct treatments, as JSON; nil before any were recorded.
    @OptionalField(key: "adjuncts_json") var adjunctsJSON: String?
    /// Why the session started on another day than its appointment's; nil on the day.
    @OptionalField(key: "off_day_reason") var offDayReason: String?

    init() {}
}

/// One entry of a session's needle ledger. The unique (session_id, sequence) index makes two
/// devices writing at once take turns instead of both building on the same count.
final class NeedleEventModel: Model, @unchecked Sendable {
    static let schema = "needle_events"

    @ID(key: .id) var id: UUID?
    @Parent(key: "session_id") var session: TreatmentSessionModel
    @Field(key: "sequence") var sequence: Int
    @Field(key: "at") var at: Date
    @Field(key: "kind") var kind: String
    @Field(key: "recorded_by_user_id") var recordedBy: UUID
    @Field(key: "event_json") var eventJSON: String

    init() {}
}

/// Something the clinic admin must follow up: a needle not found, a serious after-effect.
final class IncidentModel: Model, @unchecked Sendable {
    static let schema = "incidents"

    @ID(key: .id) var id: UUID?
    @Field(key: "clinic_id") var clinicID: UUID
    @Parent(key: "patient_id") var patient: PatientModel
    @Parent(key: "session_id") var session: TreatmentSessionModel
    @Field(key: "kind") var kind: IncidentRecord.Kind
    @Field(key: "detail") var detail: String
    @Field(key: "occurred_at") var occurredAt: Date
    @Field(key: "reported_by_user_id") var reportedBy: UUID
    @Field(key: "status") var status: IncidentStatus
    @OptionalField(key: "owner_user_id") var ownerUserID: UUID?
    @OptionalField(key: "outcome") var outcome: String?
    @OptionalField(key: "closed_at") var closedAt: Date?

    init() {}
}

/// A follow-up note on an incident. Notes are only ever added, never edited.
final class IncidentNoteModel: Model, @unchecked Sendable {
    static let schema = "incident_notes"

    @ID(key: .id) var id: UUID?
    @Parent(key: "incident_id") var incident: IncidentModel
    @Field(key: "author_user_id") var authorUserID: UUID
    /// Kept as written then, so the note still names its author if the account is renamed.
    @Field(key: "author_name") var authorName: String
    @Field(key: "written_at") var writtenAt: Date
    @Field(key: "text") var text: String

    init() {}
}

/// How the patient was a day or two after a session.
final class CheckInModel: Model, @unchecked Sendable {
    static let schema = "check_ins"

    @ID(key: .id) var id: UUID?
    @Parent(key: "session_id") var session: TreatmentSessionModel
    @Field(key: "entered_at") var enteredAt: Date
    @Field(key: "entered_by_user_id") var enteredBy: UUID
    @Field(key: "entered_by_role") var enteredByRole: String
    @Field(key: "soreness") var soreness: Int
    @OptionalField(key: "soreness_hours_after") var sorenessHoursAfter: Int?
    @Field(key: "tiredness") var tiredness: Bool
    @Field(key: "needed_sleep") var neededSleep: Bool
    @Field(key: "bruising") var bruising: Bool
    @Field(key: "breathlessness") var breathlessness: Bool
    @Field(key: "other") var other: String
    @Field(key: "marked_serious") var markedSerious: Bool
    @Field(key: "serious") var serious: Bool

    init() {}
}

extension IncidentModel {
    convenience init(
        clinicID: UUID, patientID: UUID, sessionID: UUID, kind: IncidentRecord.Kind, detail: String, occurredAt: Date, reportedBy: UUID
    ) {
        self.init()
        self.clinicID = clinicID
        self.$patient.id = patientID
        self.$session.id = sessionID
        self.kind = kind
        self.detail = detail
        self.occurredAt = occurredAt
        self.reportedBy = reportedBy
        self.status = .open
    }
}

extension TreatmentPlanModel {
    /// A plan row for a plan already stored under `digest`.
    convenience init(patientID: UUID, practitionerID: UUID, plan: TreatmentPlan, digest: String, at createdAt: Date) {
        self.init()
        self.$patient.id = patientID
        self.$practitioner.id = practitionerID
        self.createdAt = createdAt
        self.needleCount = plan.needleCount
        self.planDigest = digest
    }
}
