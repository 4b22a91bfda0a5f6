import AcubackServices
import AsyncHTTPClient
import Foundation
import NIOCore

/// Sends text messages through an SMS gateway's HTTP API in the shape most providers share:
/// `POST <url>` with JSON `{"to": "+44…", "body": "…"}`, `Authorization: Bearer <token>` and an
/// `Idempotency-Key` header. The key is the outbox message's id, the same on every retry, so a
/// gateway that took the message before a timeout does not send it a second time.
///
/// A 2xx answer is sent; 429 and 5xx (and no answer in time) are retried by the dispatcher with
/// its back-off; any other answer refuses this message for good.
struct HTTPTextMessageSender: MessageSender {
    let url: String
    let token: String
    var client: HTTPClient = .shared
    var timeout: TimeAmount = .seconds(20)

    init(url: String, token: String?) throws {
        guard let parts = URLComponents(string: url), ["http", "https"].contains(parts.scheme ?? ""), !(parts.host ?? "").isEmpty else {
            throw ConfigurationError.invalid(name: "ACUBACK_SMS_URL", value: url, rule: "an http or https address such as https://sms.example/v1/messages")
        }
        guard let token, !token.isEmpty else {
            throw ConfigurationError.invalid(name: "ACUBACK_SMS_TOKEN", value: "", rule: "the gateway's API token, given whenever ACUBACK_SMS_URL is")
        }
        self.url = url
        self.token = token
    }

    struct Payload: Encodable {
        let to: String
        let body: String
    }

    func send(_ message: OutboxMessage) async throws {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.headers.add(name: "Idempotency-Key", value: message.id.uuidString)
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: try JSONEncoder().encode(Payload(to: message.recipient, body: message.body))))
        let response: HTTPClientResponse
        let detail: String
        do {
            response = try await client.execute(request, timeout: timeout)
            detail = String(buffer: try await response.body.collect(upTo: 16 * 1024)).prefix(300).description
        } catch {
            throw DeliveryError.unavailable(detail: "\(error)")
        }
        switch response.status.code {
        case 200..<300: return
        case 429, 500...: throw DeliveryError.unavailable(detail: "HTTP \(response.status.code) \(detail)")
        default: throw DeliveryError.refused(status: Int(response.status.code), detail: detail)
        }
    }
}
