import Foundation

/// One entry of the append-only audit trail: who did what to which patient's record, when and from where.
///
/// Entries of a clinic form a chain: each carries the hash of the one before, so editing or
/// deleting any entry breaks every hash after it. The hash is keyed (HMAC) with a secret kept
/// outside the database, named by `keyID`, so the chain cannot be rebuilt from the database alone.
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
    /// The key that signed the hash; nil for entries written before the chain was keyed (plain SHA-256).
    public var keyID: String?

    public init(
        clinicID: UUID, sequence: Int, at: Date, actorUserID: UUID?, actorRole: String, action: String,
        patientID: UUID?, recordType: String, recordID: String?, clientAddress: String?, previousHash: String,
        hash: String = "", keyID: String? = nil
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
        self.keyID = keyID
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
        /// Entries from before the chain was keyed: only as safe as a plain hash (see the README).
        public var unkeyed: Int = 0
        /// The last entry's sequence number and hash, for anchoring elsewhere.
        public var lastSequence: Int = 0
        public var lastHash: String = AuditEvent.genesisHash
        /// Whether an anchored hash was found at its place in the chain (nil when none was asked about).
        public var anchorFound: Bool?
        /// Nil when the chain is intact; otherwise the first sequence number found broken, and why.
        public var brokenAt: Int?
        public var problem: String?

        public var isIntact: Bool { brokenAt == nil }
    }

    /// - Parameters:
    ///   - events: the clinic's events in sequence order.
    ///   - head: the sequence number and hash the chain's head row says it ends with.
    ///   - anchor: a hash printed earlier by `audit head`, which must still be in the chain.
    ///   - hash: the hash an event must carry (keyed by the key it names), or nil when that key is unknown.
    public static func verify(
        clinicID: UUID, events: [AuditEvent], head: (sequence: Int, hash: String)?, anchor: String? = nil,
        hash: (AuditEvent) -> String?
    ) -> Report {
        var report = Report(clinicID: clinicID, events: events.count)
        if anchor != nil { report.anchorFound = false }
        var previous = genesis
        var keyed = false
        for (index, event) in events.enumerated() {
            let expectedSequence = index + 1
            if event.sequence != expectedSequence {
                return broken(report, at: expectedSequence, "entry \(expectedSequence) is missing")
            }
            if event.previousHash != previous {
                return broken(report, at: event.sequence, "entry \(event.sequence) does not follow the entry before it")
            }
            if let keyID = event.keyID {
                keyed = true
                guard let expected = hash(event) else {
                    return broken(report, at: event.sequence, "entry \(event.sequence) was signed with key \(keyID), which the key file does not hold")
                }
                if expected != event.hash {
                    return broken(report, at: event.sequence, "entry \(event.sequence) was changed after it was written")
                }
            } else {
                // Once keyed, always keyed: an unkeyed entry after a keyed one was rewritten without the key.
                if keyed {
                    return broken(report, at: event.sequence, "entry \(event.sequence) is not signed though entries before it are: it was rewritten")
                }
                guard let expected = hash(event) else {
                    return broken(report, at: event.sequence, "entry \(event.sequence) is not signed, though the key file is older than it: it was rewritten")
                }
                if expected != event.hash {
                    return broken(report, at: event.sequence, "entry \(event.sequence) was changed after it was written")
                }
                report.unkeyed += 1
            }
            if event.hash == anchor { report.anchorFound = true }
            previous = event.hash
        }
        let last = events.last?.sequence ?? 0
        if let head, head.sequence != last || (last > 0 && head.hash != previous) {
            return broken(report, at: last + 1, "the chain should end at entry \(head.sequence) but ends at \(last): entries were removed")
        }
        report.lastSequence = last
        report.lastHash = previous
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
