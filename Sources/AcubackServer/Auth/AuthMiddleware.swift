import AcubackServices
import AcubackCore
import Foundation
import Hummingbird

/// Works out who is asking: a personal API token in `Authorization: Bearer …`, or the session
/// cookie. Sessions and tokens live in the database, so any instance can serve any request.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = AcubackRequestContext
    let accounts: AccountService

    init(services: AppServices) { accounts = AccountService(services: services) }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let authorization = request.headers[.authorization] {
            guard authorization.lowercased().hasPrefix("bearer "),
                  let actor = try await accounts.apiCaller(token: String(authorization.dropFirst(7)).trimmingCharacters(in: .whitespaces))
            else {
                // A wrong or revoked token is refused outright rather than treated as anonymous.
                return Problem(title: "Unauthorized", status: 401, detail: "The API token is not valid.").response(
                    headers: [.wwwAuthenticate: "Bearer"])
            }
            context.actor = actor
            return try await Self.withActor(context) { try await next(request, context) }
        }
        if let token = AuthCookie.value(AuthCookie.session, in: request),
           let (session, actor) = try await accounts.session(token: token) {
            context.session = session
            context.csrfToken = session.csrfToken
            context.actor = actor
        }
        return try await Self.withActor(context) { try await next(request, context) }
    }

    static func withActor(_ context: Context, _ body: () async throws -> Response) async throws -> Response {
        try await RequestActor.$current.withValue(context.actor) {
            try await RequestActor.$clientAddress.withValue(context.clientAddress) { try await body() }
        }
    }
}

/// The actor of the request being handled, for code the router's context does not reach
/// (the handlers generated from the OpenAPI document).
enum RequestActor {
    @TaskLocal static var current: Actor?
    @TaskLocal static var clientAddress: String?
}
