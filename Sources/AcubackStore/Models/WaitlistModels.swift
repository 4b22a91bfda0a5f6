import AcubackCore
import FluentKit
import Foundation

/// A patient's place on the waitlist: what they wait for and since when.
final class WaitlistEntryModel: Model, @unchecked Sendable {
    static let schema = "waitlist_entries"

    @ID(key: .id) var id: UUID?
    @Field(key: "clinic_id") var clinicID: UUID
    @Field(key: "patient_id") var patientID: UUID
    /// Nil: any practitioner.
    @OptionalField(key: "practitioner_id") var practitionerID: UUID?
    @Field(key: "kind") var kind: AppointmentKind
    /// ISO weekdays as digits, "135" for Monday, Wednesday and Friday.
    @Field(key: "weekdays") var weekdays: String
    @Field(key: "from_minute") var fromMinute: Int
    @Field(key: "to_minute") var toMinute: Int
    @Field(key: "first_day") var firstDay: String
    @Field(key: "last_day") var lastDay: String
    @Field(key: "status") var status: WaitlistEntryStatus
    @Field(key: "joined_at") var joinedAt: Date
    @OptionalField(key: "joined_by_user_id") var joinedByUserID: UUID?
    @OptionalField(key: "closed_at") var closedAt: Date?

    init() {}
}

/// A freed time offered to one entry's patient, taken through the link its token opens.
final class WaitlistOfferModel: Model, @unchecked Sendable {
    static let schema = "waitlist_offers"

    @ID(key: .id) var id: UUID?
    @Field(key: "entry_id") var entryID: UUID
    @Field(key: "clinic_id") var clinicID: UUID
    @Field(key: "patient_id") var patientID: UUID
    @Field(key: "practitioner_id") var practitionerID: UUID
    @Field(key: "kind") var kind: AppointmentKind
    @Field(key: "starts_at") var startsAt: Date
    /// The freed stretch, so that the next patient can be offered a visit of another kind in it.
    @Field(key: "freed_minutes") var freedMinutes: Int
    /// The patient whose visit freed the time: never offered it back.
    @OptionalField(key: "freed_by_patient_id") var freedByPatientID: UUID?
    /// SHA-256 of the link's token; the token itself is only in the mail.
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "status") var status: WaitlistOfferStatus
    @Field(key: "offered_at") var offeredAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "answered_at") var answeredAt: Date?
    @OptionalField(key: "appointment_id") var appointmentID: UUID?

    init() {}
}

/// How long an offer stays open at one clinic; the id is the clinic's.
final class WaitlistSettingsModel: Model, @unchecked Sendable {
    static let schema = "waitlist_settings"

    @ID(key: .id) var id: UUID?
    @Field(key: "offer_minutes") var offerMinutes: Int

    init() {}
}
