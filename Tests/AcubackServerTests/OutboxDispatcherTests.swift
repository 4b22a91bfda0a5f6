import AcubackStore
import AcubackTestSupport
import Foundation
import Synchronization
import Testing

@testable import AcubackServer
@testable import AcubackServices

@Suite struct OutboxDispatcherTests {
    final class RecordingSender: MessageSender {
        let sent = Mutex<[String]>([])
        let failFirst: Bool
        let attempts = Mutex(0)

        init(failFirst: Bool) { self.failFirst = failFirst }

        func send(_ message: OutboxMessage) async throws {
            let attempt = attempts.withLock { value -> Int in
                value += 1
                return value
            }
            if failFirst && attempt == 1 { throw SMTPMessageSender.SMTPError(description: "relay down") }
            sent.withLock { $0.append(message.recipient) }
        }
    }

    @Test func deliversEachQueuedMessageOnceAndMarksItSent() async throws {
        try await withTestStore(migrated: true) { store in
            let outbox = OutboxStore(store)
            for index in 0..<3 {
                try await outbox.enqueue(OutboxDraft(kind: "test", recipient: "p\(index)@example.org", subject: "s", body: "b"))
            }
            let sender = RecordingSender(failFirst: false)
            let dispatcher = OutboxDispatcher(outbox: outbox, sender: sender, logger: testLogger)
            while let message = try await outbox.claimNext(now: Date()) { await dispatcher.deliver(message) }
            #expect(sender.sent.withLock { $0.sorted() } == ["p0@example.org", "p1@example.org", "p2@example.org"])
            #expect(try await outbox.pendingCount() == 0)
        }
    }

    @Test func aFailedDeliveryIsKeptForLater() async throws {
        try await withTestStore(migrated: true) { store in
            let outbox = OutboxStore(store)
            try await outbox.enqueue(OutboxDraft(kind: "test", recipient: "q@example.org", subject: "s", body: "b"))
            let dispatcher = OutboxDispatcher(outbox: outbox, sender: RecordingSender(failFirst: true), logger: testLogger)
            let message = try #require(try await outbox.claimNext(now: Date()))
            await dispatcher.deliver(message)
            #expect(try await outbox.pendingCount() == 1)
            #expect(try await outbox.claimNext(now: Date()) == nil, "not before the back-off")
            let stored = try #require(try await outbox.messages(to: "q@example.org").first)
            #expect(stored.lastError?.contains("relay down") == true)
        }
    }
}
