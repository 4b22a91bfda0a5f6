import AcubackCore
import Foundation
import Synchronization

/// The needle ledgers of closed sessions, at most `limit` of them. A patient's chart replays every
/// session of their courses; once a session is closed its ledger is final, so it is read once.
final class ClosedLedgers: Sendable {
    static let limit = 2_000
    private let bySession = Mutex<[UUID: [NeedleEvent]]>([:])

    func ledgers(_ sessionIDs: Set<UUID>) -> [UUID: [NeedleEvent]] {
        guard !sessionIDs.isEmpty else { return [:] }
        return bySession.withLock { known in
            var found: [UUID: [NeedleEvent]] = [:]
            for id in sessionIDs { found[id] = known[id] }
            return found
        }
    }

    func keep(_ ledgers: [UUID: [NeedleEvent]]) {
        guard !ledgers.isEmpty else { return }
        bySession.withLock { known in
            // Forgetting all at the limit keeps this simple; the ledgers in use are read again once.
            if known.count + ledgers.count > Self.limit { known.removeAll() }
            known.merge(ledgers) { _, new in new }
        }
    }
}
