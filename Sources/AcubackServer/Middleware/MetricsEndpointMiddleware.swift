import AcubackServices
import Foundation
import Hummingbird
import Prometheus

/// Serves `/metrics` to a scraper holding the metrics token (`Authorization: Bearer TOKEN`), ahead
/// of the sign-in middleware, which would take the token for a user's API token. Without a token
/// configured the endpoint is off: request counts and timings are not for anyone who asks.
struct MetricsEndpointMiddleware: RouterMiddleware {
    typealias Context = AcubackRequestContext
    let registry: PrometheusCollectorRegistry
    let token: String?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.path == "/metrics" else { return try await next(request, context) }
        guard let token else {
            return Problem(title: "Not Found", status: 404, detail: "Metrics are off; set ACUBACK_METRICS_TOKEN to serve them.").response()
        }
        guard request.method == .get else { return Problem(title: "Method Not Allowed", status: 405, detail: "GET /metrics").response() }
        guard let given = request.headers[.authorization], given.lowercased().hasPrefix("bearer "),
              Self.sameText(String(given.dropFirst(7)).trimmingCharacters(in: .whitespaces), token)
        else {
            return Problem(title: "Unauthorized", status: 401, detail: "The metrics token is missing or wrong.").response(
                headers: [.wwwAuthenticate: "Bearer"])
        }
        var bytes: [UInt8] = []
        registry.emit(into: &bytes)
        return Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// Compared through their hashes, so the time taken says nothing about how much of the token was right.
    static func sameText(_ a: String, _ b: String) -> Bool {
        SecureToken.hash(a) == SecureToken.hash(b)
    }
}
