import AcubackCore
import AcubackServices
import AcubackStore
import Foundation
import Testing

@testable import AcubackServer

/// The SMS gateway sender against a real local HTTP gateway.
@Suite struct HTTPTextMessageSenderTests {
    static func message(_ id: UUID = UUID(), to phone: String = "+44 7700 900123") -> OutboxMessage {
        OutboxMessage(id: id, kind: "reminder", recipient: phone, subject: "Reminder", body: "Your visit is tomorrow at 10:00.", channel: .sms)
    }

    @Test func postsJSONWithTheBearerTokenAndTheMessageIdAsIdempotencyKey() async throws {
        let gateway = FakeSMSGateway()
        try await gateway.run { url in
            let message = Self.message()
            try await HTTPTextMessageSender(url: url, token: "test-token-123").send(message)
            let requests = gateway.requests.withLock { $0 }
            #expect(requests == [FakeSMSGateway.Request(
                authorization: "Bearer test-token-123", idempotencyKey: message.id.uuidString, to: "+44 7700 900123",
                body: "Your visit is tomorrow at 10:00.")])
        }
    }

    @Test func aServerErrorOrTooManyRequestsIsWorthRetryingAndAnyOther4xxIsNot() async throws {
        let gateway = FakeSMSGateway(failFirst: [500, 429, 400, 401])
        try await gateway.run { url in
            let sender = try HTTPTextMessageSender(url: url, token: "test-token-123")
            for expectPermanent in [false, false, true, true] {
                do {
                    try await sender.send(Self.message())
                    Issue.record("the gateway's failure was not reported")
                } catch let error as DeliveryError {
                    #expect(error.isPermanent == expectPermanent, "\(error)")
                }
            }
            try await sender.send(Self.message())
            #expect(gateway.sent.withLock { $0.count } == 1)
        }
    }

    @Test func anUnreachableGatewayIsWorthRetrying() async throws {
        // Port 9 (discard) has nothing listening on a test machine: refused, or no answer in time.
        var sender = try HTTPTextMessageSender(url: "http://127.0.0.1:9/v1/messages", token: "test-token-123")
        sender.timeout = .milliseconds(500)
        do {
            try await sender.send(Self.message())
            Issue.record("nothing listens there")
        } catch let error as DeliveryError {
            #expect(!error.isPermanent)
        }
    }

    @Test func aGatewayNeedsAnHTTPAddressAndAToken() throws {
        #expect(throws: ConfigurationError.self) { try HTTPTextMessageSender(url: "ftp://sms.example/", token: "t") }
        #expect(throws: ConfigurationError.self) { try HTTPTextMessageSender(url: "https://sms.example/v1/messages", token: nil) }
        #expect(throws: ConfigurationError.self) {
            try AcubackConfiguration(flags: [:], environment: ["ACUBACK_SMS_URL": "https://sms.example/v1/messages"])
        }
        let configured = try AcubackConfiguration(
            flags: [AcubackConfiguration.Key.smsURL: "http://127.0.0.1:9999/sms"], environment: ["ACUBACK_SMS_URL": "https://ignored.example", "ACUBACK_SMS_TOKEN": "secret"])
        #expect(configured.smsURL == "http://127.0.0.1:9999/sms", "a flag wins over the environment")
        #expect(configured.smsToken == "secret")
    }
}
