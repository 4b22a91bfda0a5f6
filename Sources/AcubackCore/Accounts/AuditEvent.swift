import Foundation

/// One entry of the append-only audit trail: who did what to which patient's record, when and from where.
///
/// Entries of a clinic form a chain: each carries the hash of the one before, so editing or
/// deleting any entry breaks every hash after it.
public struct AuditEvent: Sendable, Equatable, Codable {
    public var clinicID: UUID
    public var sequence: Int
    public var at: Date
    public var actorUserID: UUID?
    /// The actor's role, or "system" for work done by the server itself.
    public var actorRole: String
    /// What was done, e.g. `patient.read`, `user.create`, `session.signIn`.
    public var action: String
    public var patientID: UUID?
    public var recordType: String
    public var recordID: String?
    public var clientAddress: String?
    public var previousHash: String
    public var hash: String

    public init(
        clinicID: UUID, sequence: Int, at: Date, actorUserID: UUID?, actorRole: String, action: String,
        patientID: UUID?, recordType: String, recordID: String?, clientAddress: String?, previousHash: String,
        hash: String = ""
    ) {
        self.clinicID = clinicID
        self.sequence = sequence
        self.at = at
        self.actorUserID = actorUserID
        self.actorRole = actorRole
        self.action = action
        self.patientID = patientID
        self.recordType = recordType
        self.recordID = recordID
        self.clientAddress = clientAddress
        self.previousHash = previousHash
        self.hash = hash
    }

    /// The hash of the first entry's predecessor.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// The exact text that is hashed: every field, in a fixed order, separated by a character
    /// that cannot occur in them. Times are whole milliseconds so every database round-trips them.
    public var canonicalText: String {
        [
            clinicID.uuidString.lowercased(), String(sequence), String(Int64((at.timeIntervalSince1970 * 1000).rounded())),
            actorUserID?.uuidString.lowercased() ?? "", actorRole, action, patientID?.uuidString.lowercased() ?? "",
            recordType, recordID ?? "", clientAddress ?? "", previousHash,
        ].joined(separator: "\u{1F}")
    }
}

/// Checks a clinic's chain of audit events.
public enum AuditChain {
    public struct Report: Sendable, Equatable {
        public var clinicID: UUID
        public var events: Int
        /// Nil when the chain is intact; otherwise the first sequence number found broken, and why.
        public var brokenAt: Int?
        public var problem: String?

        public var isIntact: Bool { brokenAt == nil }
    }

    /// - Parameters:
    ///   - events: the clinic's events in sequence order.
    ///   - head: the sequence number and hash the chain's head row says it ends with.
    ///   - hash: SHA-256 (hex) of a text.
    public static func verify(
        clinicID: UUID, events: [AuditEvent], head: (sequence: Int, hash: String)?, hash: (String) -> String
    ) -> Report {
        var report = Report(clinicID: clinicID, events: events.count)
        var previous = genesis
        for (index, event) in events.enumerated() {
            let expectedSequence = index + 1
            if event.sequence != expectedSequence {
                return broken(report, at: expectedSequence, "entry \(expectedSequence) is missing")
            }
            if event.previousHash != previous {
                return broken(report, at: event.sequence, "entry \(event.sequence) does not follow the entry before it")
            }
            if hash(event.canonicalText) != event.hash {
                return broken(report, at: event.sequence, "entry \(event.sequence) was changed after it was written")
            }
            previous = event.hash
        }
        let last = events.last?.sequence ?? 0
        if let head, head.sequence != last || (last > 0 && head.hash != previous) {
            return broken(report, at: last + 1, "the chain should end at entry \(head.sequence) but ends at \(last): entries were removed")
        }
        report.brokenAt = nil
        return report

        func broken(_ report: Report, at sequence: Int, _ problem: String) -> Report {
            var report = report
            report.brokenAt = sequence
            report.problem = problem
            return report
        }
    }

    static let genesis = AuditEvent.genesisHash
}
