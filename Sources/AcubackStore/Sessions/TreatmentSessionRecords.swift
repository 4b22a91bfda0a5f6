import AcubackCore
import Foundation

/// A plan settled on for a patient.
public struct SavedPlan: Sendable, Equatable {
    public let id: UUID
    public let patientID: UUID
    public let practitionerID: UUID
    public let createdAt: Date
    public let plan: TreatmentPlan
}

/// What a session starts with.
public struct NewTreatmentSession: Sendable, Equatable {
    public let clinicID: UUID
    public let appointmentID: UUID
    public let patientID: UUID
    public let practitionerID: UUID
    public let plan: SavedPlan
    public let position: TreatmentPosition
    public let painBefore: Int
    public let startedAt: Date
    /// Why it starts on another day than its appointment's; nil on the day.
    public let offDayReason: String?

    public init(
        clinicID: UUID, appointmentID: UUID, patientID: UUID, practitionerID: UUID, plan: SavedPlan,
        position: TreatmentPosition, painBefore: Int, startedAt: Date, offDayReason: String? = nil
    ) {
        self.offDayReason = offDayReason
        self.clinicID = clinicID
        self.appointmentID = appointmentID
        self.patientID = patientID
        self.practitionerID = practitionerID
        self.plan = plan
        self.position = position
        self.painBefore = painBefore
        self.startedAt = startedAt
    }
}

/// A treatment session as stored, with its ledger replayed.
public struct TreatmentSessionRecord: Sendable, Equatable {
    public let id: UUID
    public let clinicID: UUID
    public let patientID: UUID
    public let practitionerID: UUID
    public let appointmentID: UUID
    public let planID: UUID
    /// The plan as it was when the session started.
    public let plan: TreatmentPlan
    public let position: TreatmentPosition
    public let painBefore: Int
    public let startedAt: Date
    public let chair: ChairSession
    public let closedAt: Date?
    public let closing: SessionClosing?
    /// Why it started on another day than its appointment's; nil on the day.
    public var offDayReason: String?
    public var patientName = ""
    public var practitionerName = ""

    public var isOpen: Bool { closedAt == nil }
}

/// A lost needle or a serious after-effect, for the clinic admin.
public struct IncidentRecord: Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case needleLost = "needle-lost"
        case seriousAfterEffect = "serious-after-effect"
    }

    public let id: UUID
    public let sessionID: UUID
    public let patientID: UUID
    public let kind: Kind
    public let detail: String
    public let occurredAt: Date
    public var patientName = ""
    public var status: IncidentStatus = .open
    public var ownerUserID: UUID?
    public var ownerName = ""
    /// How it was resolved; set when it closes.
    public var outcome = ""
    public var closedAt: Date?
    /// The follow-up notes, oldest first; filled when one incident is read.
    public var notes: [IncidentNoteRecord] = []
}

/// One follow-up note on an incident: who wrote it and when.
public struct IncidentNoteRecord: Sendable, Equatable {
    public let id: UUID
    public let authorUserID: UUID
    public let authorName: String
    public let writtenAt: Date
    public let text: String
}

/// A check-in as entered, by whom and when.
public struct CheckInRecord: Sendable, Equatable {
    public let id: UUID
    public let sessionID: UUID
    public let enteredAt: Date
    public let enteredByRole: Role
    public let checkIn: CheckIn
}

/// Why the store refused a session change; nothing was stored.
public enum TreatmentSessionError: Error, Sendable, Equatable, CustomStringConvertible {
    case notFound
    case alreadyStarted(sessionID: UUID)
    case closed
    case checkInExists
    case notClosed
    /// Others kept writing to the same session; the caller may try again.
    case busy

    public var description: String {
        switch self {
        case .notFound: "no such session"
        case .alreadyStarted: "a session has already been started for this appointment"
        case .closed: "the session is closed; its record can no longer change"
        case .checkInExists: "a check-in has already been recorded for this session"
        case .notClosed: "the check-in follows the session: close the session first"
        case .busy: "the session was being changed from another device; try again"
        }
    }
}
