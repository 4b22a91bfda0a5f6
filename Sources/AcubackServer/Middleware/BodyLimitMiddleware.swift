import AcubackServices
import Hummingbird
import NIOCore

/// Refuses a request body over `limit` bytes with 413 before any handler reads it. Acuback takes
/// no uploads: forms and JSON bodies are small, so a large one is a mistake or an attack.
struct BodyLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    static var limit: Int { 1 << 20 }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard [.post, .put, .patch].contains(request.method) else { return try await next(request, context) }
        let tooLarge = HTTPError(.contentTooLarge, message: "The request body is larger than \(Self.limit / 1024) KiB.")
        if let length = request.headers[.contentLength].flatMap(Int.init), length > Self.limit { throw tooLarge }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: Self.limit)
        } catch {
            throw tooLarge
        }
        request.body = .init(buffer: body)
        return try await next(request, context)
    }
}
