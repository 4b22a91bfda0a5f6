import AcubackStore
import Foundation

/// Answers "can this instance serve?": the database answers and its schema is current.
public struct ReadinessCheck: Sendable {
    public let store: AcubackDatabase
    /// A stuck database must not hang the probe; past this the answer is "unavailable".
    public var timeout: Duration = .seconds(3)

    public init(store: AcubackDatabase) { self.store = store }

    public struct Report: Sendable {
        public var ready: Bool
        public var database: String
        public var status: MigrationStatus?
        public var reason: String?
    }

    public func run() async -> Report {
        let database = store.location.driverName
        do {
            let status = try await withTimeout(timeout) { try await store.migrationStatus() }
            guard status.isCurrent else {
                return Report(
                    ready: false, database: "\(database): reachable", status: status,
                    reason: "\(status.pending.count) migration(s) pending; run `acuback migrate`")
            }
            return Report(ready: true, database: "\(database): reachable", status: status)
        } catch {
            return Report(ready: false, database: "\(database): unreachable", status: nil, reason: "database did not answer: \(error)")
        }
    }
}

public struct TimeoutError: Error, CustomStringConvertible {
    public let duration: Duration
    public var description: String { "no answer within \(duration)" }
}

public func withTimeout<T: Sendable>(_ duration: Duration, _ work: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await work() }
        group.addTask {
            try await Task.sleep(for: duration)
            throw TimeoutError(duration: duration)
        }
        let first = try await group.next()!
        group.cancelAll()
        return first
    }
}
