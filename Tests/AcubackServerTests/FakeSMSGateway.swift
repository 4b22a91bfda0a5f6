import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization

/// A local SMS gateway for tests: a real HTTP server on a free port that records every request
/// and, like the providers it stands for, sends each idempotency key's message once however often
/// it is posted. It can be told to answer with some statuses first (a 500, a 429, a 400).
final class FakeSMSGateway: Sendable {
    struct Request: Sendable, Equatable {
        let authorization: String
        let idempotencyKey: String
        let to: String
        let body: String
    }

    struct Payload: Decodable {
        let to: String
        let body: String
    }

    /// Every request received, in order.
    let requests = Mutex<[Request]>([])
    /// The messages sent (a 2xx answered, each key once), in order.
    let sent = Mutex<[Request]>([])
    /// Statuses to answer with before accepting, in order.
    let failures: Mutex<[Int]>

    init(failFirst statuses: [Int] = []) {
        failures = Mutex(statuses)
    }

    /// Runs `body` with the address of the gateway's message endpoint.
    func run(_ body: @Sendable (String) async throws -> Void) async throws {
        let router = Router()
        router.post("/v1/messages") { request, _ -> Response in
            let data = try await request.body.collect(upTo: 64 * 1024)
            let payload = try JSONDecoder().decode(Payload.self, from: Data(buffer: data))
            let received = Request(
                authorization: request.headers[.authorization] ?? "", idempotencyKey: request.headers.first { $0.name.canonicalName == "idempotency-key" }?.value ?? "",
                to: payload.to, body: payload.body)
            self.requests.withLock { $0.append(received) }
            if let status = self.failures.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) {
                return Response(status: .init(code: status), body: .init(byteBuffer: ByteBuffer(string: #"{"error": "as told"}"#)))
            }
            self.sent.withLock { sent in
                if !sent.contains(where: { $0.idempotencyKey == received.idempotencyKey }) { sent.append(received) }
            }
            return Response(status: .accepted, body: .init(byteBuffer: ByteBuffer(string: #"{"id": "\#(received.idempotencyKey)"}"#)))
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            try await body("http://127.0.0.1:\(client.port!)/v1/messages")
        }
    }
}
