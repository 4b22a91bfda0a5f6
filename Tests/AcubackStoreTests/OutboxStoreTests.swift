import Foundation
import Testing

@testable import AcubackStore
import AcubackTestSupport

@Suite struct OutboxStoreTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test(arguments: TestBackend.available)
    func eachMessageIsClaimedByOneSenderOnly(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let outbox = OutboxStore(store)
            for index in 0..<10 {
                try await outbox.enqueue(OutboxDraft(kind: "test", recipient: "r\(index)@example.org", subject: "s", body: "b"), now: now)
            }
            let claimed = try await withThrowingTaskGroup(of: [UUID].self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        var mine: [UUID] = []
                        while let message = try await outbox.claimNext(now: now) { mine.append(message.id) }
                        return mine
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(claimed.count == 10)
            #expect(Set(claimed).count == 10)
        }
    }

    @Test(arguments: TestBackend.available)
    func aFailedSendIsRetriedLaterAndGivenUpAfterTheLastAttempt(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let outbox = OutboxStore(store)
            try await outbox.enqueue(OutboxDraft(kind: "test", recipient: "x@example.org", subject: "s", body: "b"), now: now)
            var clock = now
            for attempt in 1...OutboxStore.maxAttempts {
                let message = try #require(try await outbox.claimNext(now: clock))
                #expect(message.attempts == attempt)
                #expect(try await outbox.claimNext(now: clock) == nil, "claimed: not offered again at once")
                try await outbox.markFailed(id: message.id, error: "refused", retryAt: clock.addingTimeInterval(30))
                #expect(try await outbox.claimNext(now: clock.addingTimeInterval(10)) == nil, "not before the retry time")
                clock = clock.addingTimeInterval(31)
            }
            #expect(try await outbox.claimNext(now: clock) == nil)
            #expect(try await outbox.messages(to: "x@example.org").first?.status == "failed")
        }
    }

    @Test(arguments: TestBackend.available)
    func aSentMessageIsNotSentAgain(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let outbox = OutboxStore(store)
            try await outbox.enqueue(OutboxDraft(kind: "test", recipient: "y@example.org", subject: "s", body: "b"), now: now)
            let message = try #require(try await outbox.claimNext(now: now))
            try await outbox.markSent(id: message.id, at: now)
            #expect(try await outbox.claimNext(now: now.addingTimeInterval(3600)) == nil)
            #expect(try await outbox.pendingCount() == 0)
        }
    }
}
