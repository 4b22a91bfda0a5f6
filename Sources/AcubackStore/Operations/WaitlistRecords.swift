import AcubackCore
import Foundation

/// One entry of the waitlist as the pages show it.
public struct WaitlistEntryRecord: Sendable, Equatable {
    public let id: UUID
    public let clinicID: UUID
    public let patientID: UUID
    public let request: WaitlistRequest
    public let status: WaitlistEntryStatus
    public let joinedAt: Date
    public var patientName = ""
    /// Empty for "any practitioner".
    public var practitionerName = ""

    public var waiting: WaitingEntry { WaitingEntry(id: id, patientID: patientID, joinedAt: joinedAt, request: request) }
}

/// One offer of a freed time to one entry's patient.
public struct WaitlistOfferRecord: Sendable, Equatable {
    public let id: UUID
    public let entryID: UUID
    public let clinicID: UUID
    public let patientID: UUID
    public let practitionerID: UUID
    public let kind: AppointmentKind
    public let start: Date
    public let freedMinutes: Int
    public let freedByPatientID: UUID?
    public let status: WaitlistOfferStatus
    public let offeredAt: Date
    public let expiresAt: Date
    public let appointmentID: UUID?
    public var patientName = ""
    public var practitionerName = ""

    public var freed: FreedTime { FreedTime(practitionerID: practitionerID, start: start, minutes: freedMinutes) }
}

/// An entry to add to the waitlist.
public struct NewWaitlistEntry: Sendable {
    public let clinicID: UUID
    public let patientID: UUID
    public let request: WaitlistRequest
    public let joinedByUserID: UUID?

    public init(clinicID: UUID, patientID: UUID, request: WaitlistRequest, joinedByUserID: UUID?) {
        self.clinicID = clinicID
        self.patientID = patientID
        self.request = request
        self.joinedByUserID = joinedByUserID
    }
}

/// An offer to make, with the mail that carries its link and its audit event, stored together
/// (and, when a cancel or a move freed the time, in that change's own transaction).
public struct NewWaitlistOffer: Sendable {
    public let entryID: UUID
    public let clinicID: UUID
    public let patientID: UUID
    public let kind: AppointmentKind
    public let freed: FreedTime
    public let freedByPatientID: UUID?
    public let tokenHash: String
    public let expiresAt: Date
    public let message: OutboxDraft?
    public let audit: AuditEntry

    public init(
        entryID: UUID, clinicID: UUID, patientID: UUID, kind: AppointmentKind, freed: FreedTime, freedByPatientID: UUID?, tokenHash: String,
        expiresAt: Date, message: OutboxDraft?, audit: AuditEntry
    ) {
        self.entryID = entryID
        self.clinicID = clinicID
        self.patientID = patientID
        self.kind = kind
        self.freed = freed
        self.freedByPatientID = freedByPatientID
        self.tokenHash = tokenHash
        self.expiresAt = expiresAt
        self.message = message
        self.audit = audit
    }
}

extension WaitlistEntryModel {
    var record: WaitlistEntryRecord {
        WaitlistEntryRecord(
            id: id!, clinicID: clinicID, patientID: patientID,
            request: WaitlistRequest(
                kind: kind, practitionerID: practitionerID, weekdays: Set(weekdays.compactMap { Int(String($0)) }), from: fromMinute, to: toMinute,
                firstDay: CalendarDay(firstDay) ?? CalendarDay(year: 2000, month: 1, day: 1)!,
                lastDay: CalendarDay(lastDay) ?? CalendarDay(year: 2000, month: 1, day: 1)!),
            status: status, joinedAt: joinedAt)
    }
}

extension WaitlistOfferModel {
    var record: WaitlistOfferRecord {
        WaitlistOfferRecord(
            id: id!, entryID: entryID, clinicID: clinicID, patientID: patientID, practitionerID: practitionerID, kind: kind, start: startsAt,
            freedMinutes: freedMinutes, freedByPatientID: freedByPatientID, status: status, offeredAt: offeredAt, expiresAt: expiresAt,
            appointmentID: appointmentID)
    }
}
