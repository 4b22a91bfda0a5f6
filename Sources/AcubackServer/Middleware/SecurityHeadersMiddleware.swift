import AcubackServices
import HTTPTypes
import Hummingbird

/// Security headers on every answer, errors included. Scripts and styles come only from the
/// server itself, so nothing a user typed can run as script even if it slipped into a page; style
/// attributes are allowed because the day view places its blocks with them. No page may be framed.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var contentSecurityPolicy: String {
        [
            "default-src 'self'", "script-src 'self'", "style-src 'self'", "style-src-attr 'unsafe-inline'", "img-src 'self' data:",
            "connect-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'",
        ].joined(separator: "; ")
    }

    static func secure(_ response: inout Response) {
        response.headers[.contentSecurityPolicy] = contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.referrerPolicy] = "same-origin"
    }

    /// Records and API answers hold patient data: no browser or proxy keeps a copy. Static files may be cached.
    static func keepNoCopy(_ response: inout Response, path: String) {
        if !path.hasPrefix("/static/"), response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            var response = try await next(request, context)
            Self.secure(&response)
            Self.keepNoCopy(&response, path: request.uri.path)
            return response
        } catch let error as any HTTPResponseError {
            var response = try error.response(from: request, context: context)
            Self.secure(&response)
            Self.keepNoCopy(&response, path: request.uri.path)
            return response
        }
    }
}

extension HTTPField.Name {
    static let contentSecurityPolicy = Self("Content-Security-Policy")!
    static let xContentTypeOptions = Self("X-Content-Type-Options")!
    static let xFrameOptions = Self("X-Frame-Options")!
    static let referrerPolicy = Self("Referrer-Policy")!
}
