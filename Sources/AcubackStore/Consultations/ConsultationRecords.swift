import AcubackCore
import Foundation

/// A consultation as recorded: who recorded it and when, with everything the practitioner found.
public struct ConsultationRecord: Sendable, Equatable {
    public let id: UUID
    public let patientID: UUID
    public let practitionerID: UUID
    public let recordedAt: Date
    /// The assessment with the risk factors it was planned with (the intake at the time).
    public let consultation: Consultation
    /// False for assessments made before screens, examinations and snapshots were recorded.
    public let isComplete: Bool
}

/// A red-flag screen with where it was asked.
public struct RedFlagScreenRecord: Sendable, Equatable {
    public let id: UUID
    public let source: RedFlagScreenSource
    public let sourceID: UUID?
    public let screen: RedFlagScreen
}

/// A clinician's decision on red flags, with who made it.
public struct RedFlagDecisionRecord: Sendable, Equatable {
    public let id: UUID
    public let decision: RedFlagDecision
    public let decidedBy: UUID
    public let decidedByName: String
}

/// Everything about a patient's red flags, and whether treatment may go ahead.
public struct RedFlagHistory: Sendable, Equatable {
    public let screens: [RedFlagScreenRecord]
    public let decisions: [RedFlagDecisionRecord]

    public var clearance: RedFlagClearance {
        RedFlagClearance.of(screens: screens.map(\.screen), decisions: decisions.map(\.decision))
    }
}

/// One version of a clinic's consent text.
public struct ConsentTextRecord: Sendable, Equatable {
    public let version: String
    public let text: String
    /// Nil for the text Acuback ships, until a clinic publishes its own.
    public let publishedAt: Date?
}

/// A session note as written, and whether it amends a closed session's note.
public struct SessionNoteRecord: Sendable, Equatable {
    public let id: UUID
    public let sessionID: UUID
    public let writtenAt: Date
    public let writtenBy: UUID
    public let writtenByName: String
    public let isAmendment: Bool
    public let note: SessionNote
}
