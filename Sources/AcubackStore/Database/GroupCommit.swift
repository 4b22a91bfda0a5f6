import FluentKit
import Foundation
import SQLKit
import Synchronization

/// SQLite's one writer commits whatever changes are waiting in one transaction, each change in a
/// savepoint of its own, and answers every change only once that COMMIT is on disk.
///
/// A commit at `synchronous=FULL` costs an fsync; changes that arrive while one is being written
/// wait and share the next, so the disk's commit rate bounds batches rather than changes. A change
/// that fails is rolled back to its savepoint and fails alone; a COMMIT that fails fails every
/// change in it, so nothing is acknowledged that is not stored.
final class GroupCommit: Sendable {
    /// One waiting change: it runs inside the batch's transaction and is answered after the COMMIT.
    private struct Pending: Sendable {
        let run: @Sendable (any Database) async -> Void
        let finish: @Sendable ((any Error)?) -> Void
    }

    private struct State {
        var waiting: [Pending] = []
        var draining = false
        var batches = 0
        var changes = 0
    }

    private let state = Mutex(State())
    private let database: @Sendable () throws -> any Database

    init(database: @escaping @Sendable () throws -> any Database) {
        self.database = database
    }

    /// How many transactions have committed how many changes, for tests and metrics.
    var counts: (batches: Int, changes: Int) { state.withLock { ($0.batches, $0.changes) } }

    func submit<T: Sendable>(_ work: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let outcome = Mutex<Result<T, any Error>?>(nil)
            let pending = Pending(
                run: { db in
                    let result: Result<T, any Error>
                    do {
                        let sql = db as! any SQLDatabase
                        try await sql.raw("SAVEPOINT change").run()
                        do {
                            let value = try await work(db)
                            try await sql.raw("RELEASE change").run()
                            result = .success(value)
                        } catch {
                            try await sql.raw("ROLLBACK TO change").run()
                            try await sql.raw("RELEASE change").run()
                            result = .failure(error)
                        }
                    } catch {
                        result = .failure(error)
                    }
                    outcome.withLock { $0 = result }
                },
                finish: { commitError in
                    let result = outcome.withLock { $0 } ?? .failure(commitError ?? CancellationError())
                    switch (result, commitError) {
                    case (.failure(let own), _): continuation.resume(throwing: own)
                    case (.success, let failed?): continuation.resume(throwing: failed)
                    case (.success(let value), nil): continuation.resume(returning: value)
                    }
                })
            let start = state.withLock { state in
                state.waiting.append(pending)
                defer { state.draining = true }
                return !state.draining
            }
            if start { Task { await self.drain() } }
        }
    }

    /// Commits batch after batch until nothing waits.
    private func drain() async {
        while true {
            let batch = state.withLock { state in
                let batch = state.waiting
                state.waiting = []
                if batch.isEmpty { state.draining = false }
                return batch
            }
            if batch.isEmpty { return }
            var failure: (any Error)?
            do {
                try await database().transaction { db in
                    for pending in batch { await pending.run(db) }
                }
            } catch {
                failure = error
            }
            state.withLock {
                $0.batches += 1
                $0.changes += batch.count
            }
            for pending in batch { pending.finish(failure) }
        }
    }
}
