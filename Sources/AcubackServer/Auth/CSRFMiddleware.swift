import AcubackServices
import Hummingbird

/// Every form carries a token that a page of another site cannot know: the session's own when
/// signed in, otherwise the value of a CSRF cookie set on first visit. A page POST without the
/// matching token is refused and changes nothing.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = AcubackRequestContext
    static let field = "_csrf"
    static let maximumFormSize = 1 << 20

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard !request.uri.path.hasPrefix("/api/") else { return try await next(request, context) }
        var context = context
        var request = request
        var newCookie: String?
        if context.csrfToken == nil {
            if let cookie = AuthCookie.value(AuthCookie.csrf, in: request) {
                context.csrfToken = cookie
            } else {
                let token = SecureToken.make()
                context.csrfToken = token
                newCookie = token
            }
        }
        if request.method == .post {
            let body = try await request.body.collect(upTo: Self.maximumFormSize)
            let sent = FormFields(body: body).first(Self.field) ?? ""
            guard newCookie == nil, let expected = context.csrfToken, Self.constantTimeEqual(sent, expected) else {
                return try PageErrors.forbidden(
                    "This form has expired or did not come from Acuback. Go back, reload the page and try again.")
            }
            request = Request(head: request.head, body: .init(buffer: body))
        }
        var response = try await next(request, context)
        if let newCookie {
            response.setCookie(AuthCookie.make(name: AuthCookie.csrf, value: newCookie, maxAge: 7 * 24 * 3600, secure: AuthCookie.isSecure(request)))
        }
        return response
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8)
        let right = Array(b.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}
