import Foundation

/// Where the follow-up of an incident stands. It only moves forward, and closing is final: a
/// closed incident that turns out to need more work is a new one, so its outcome stays as written.
public enum IncidentStatus: String, Codable, Sendable, CaseIterable {
    case open
    case investigating
    case closed

    public var label: String {
        switch self {
        case .open: "Open"
        case .investigating: "Investigating"
        case .closed: "Closed"
        }
    }

    private var rank: Int { Self.allCases.firstIndex(of: self)! }

    public func canMove(to next: IncidentStatus) -> Bool { next == self || (self != .closed && next.rank > rank) }
}

/// One step of following an incident up, as the admin submits it: a new status or owner, a note,
/// and the outcome when it closes.
public struct IncidentFollowUp: Sendable, Equatable {
    public var status: IncidentStatus
    /// The staff user who looks after it; nil leaves it unowned.
    public var ownerUserID: UUID?
    public var note: String
    public var outcome: String

    public init(status: IncidentStatus, ownerUserID: UUID?, note: String = "", outcome: String = "") {
        self.status = status
        self.ownerUserID = ownerUserID
        self.note = note
        self.outcome = outcome
    }

    public static let textLimit = 4000

    /// Checks the step against where the incident stands now.
    public func validate(from current: IncidentStatus) throws(ValidationError) {
        var errors = FieldErrorCollector()
        errors.check(
            current.canMove(to: status), "status",
            current == .closed ? "the incident is closed; record anything new as a new incident" : "cannot go back from \(current.label.lowercased()) to \(status.label.lowercased())")
        let outcome = outcome.trimmingCharacters(in: .whitespacesAndNewlines)
        errors.check(status != .closed || current == .closed || !outcome.isEmpty, "outcome", "is required to close the incident: say how it was resolved")
        errors.check(outcome.count <= Self.textLimit, "outcome", "must be at most \(Self.textLimit) characters")
        errors.check(note.count <= Self.textLimit, "note", "must be at most \(Self.textLimit) characters")
        try errors.throwIfAny()
    }
}
