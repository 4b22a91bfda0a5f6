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

    @Test func routesEachMessageByItsChannel() async throws {
        let gateway = FakeSMSGateway()
        try await gateway.run { url in
            try await withTestStore(migrated: true) { store in
                let outbox = OutboxStore(store)
                try await outbox.enqueue(OutboxDraft(kind: "reminder", recipient: "r@example.org", subject: "s", body: "by mail"))
                try await outbox.enqueue(OutboxDraft(kind: "reminder", recipient: "+447700900123", subject: "s", body: "by text", channel: .sms))
                let email = RecordingSender(failFirst: false)
                let router = ChannelRouter(email: email, sms: try HTTPTextMessageSender(url: url, token: "test-token-123"))
                let dispatcher = OutboxDispatcher(outbox: outbox, sender: router, logger: testLogger)
                while let message = try await outbox.claimNext(now: Date()) { await dispatcher.deliver(message) }
                #expect(email.sent.withLock { $0 } == ["r@example.org"])
                #expect(gateway.sent.withLock { $0.map(\.to) } == ["+447700900123"])
                #expect(try await outbox.pendingCount() == 0)
            }
        }
    }

    @Test func aGatewayAnswering500IsRetriedWithTheSameKeyAndTheTextIsSentOnce() async throws {
        let gateway = FakeSMSGateway(failFirst: [500])
        try await gateway.run { url in
            try await withTestStore(migrated: true) { store in
                let outbox = OutboxStore(store)
                try await outbox.enqueue(OutboxDraft(kind: "reminder", recipient: "+447700900123", subject: "s", body: "b", channel: .sms))
                let sender = ChannelRouter(email: RecordingSender(failFirst: false), sms: try HTTPTextMessageSender(url: url, token: "test-token-123"))
                let dispatcher = OutboxDispatcher(outbox: outbox, sender: sender, logger: testLogger)
                let first = try #require(try await outbox.claimNext(now: Date()))
                await dispatcher.deliver(first)
                #expect(try await outbox.claimNext(now: Date()) == nil, "not before the back-off")
                let stored = try #require(try await outbox.messages(to: "+447700900123").first)
                #expect(stored.status == "pending")
                #expect(stored.lastError?.contains("HTTP 500") == true)
                // After the back-off the same message, and so the same key, goes again.
                let retry = try #require(try await outbox.claimNext(now: Date().addingTimeInterval(3600)))
                await dispatcher.deliver(retry)
                let requests = gateway.requests.withLock { $0 }
                #expect(requests.count == 2)
                #expect(Set(requests.map(\.idempotencyKey)) == [first.id.uuidString])
                #expect(gateway.sent.withLock { $0.count } == 1)
                #expect(try await outbox.messages(to: "+447700900123").first?.status == "sent")
                #expect(try await outbox.claimNext(now: Date().addingTimeInterval(86_400)) == nil, "sent means never again")
            }
        }
    }

    @Test func aMessageTheGatewayRefusesIsGivenUpAtOnce() async throws {
        let gateway = FakeSMSGateway(failFirst: [400])
        try await gateway.run { url in
            try await withTestStore(migrated: true) { store in
                let outbox = OutboxStore(store)
                try await outbox.enqueue(OutboxDraft(kind: "reminder", recipient: "not a number", subject: "s", body: "b", channel: .sms))
                let sender = ChannelRouter(email: RecordingSender(failFirst: false), sms: try HTTPTextMessageSender(url: url, token: "test-token-123"))
                await OutboxDispatcher(outbox: outbox, sender: sender, logger: testLogger).deliver(try #require(try await outbox.claimNext(now: Date())))
                let stored = try #require(try await outbox.messages(to: "not a number").first)
                #expect(stored.status == "failed")
                #expect(stored.attempts == 1)
                #expect(try await outbox.claimNext(now: Date().addingTimeInterval(86_400)) == nil)
            }
        }
    }
}
