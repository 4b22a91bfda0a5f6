import AcubackCore
import AcubackServices
import Hummingbird

/// Chooses each request's language: the one the signed-in person chose, else the one this
/// browser chose with the switch, else the first the browser asks for in `Accept-Language`, else
/// English. The API is English; only its error details follow `Accept-Language`.
struct LanguageMiddleware: RouterMiddleware {
    typealias Context = AcubackRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.language = Self.language(for: request, actor: context.actor)
        context.requestedPath = request.uri.description
        var response = try await next(request, context)
        if !request.uri.path.hasPrefix("/api/") { response.headers[.contentLanguage] = context.language.tag }
        return response
    }

    static func language(for request: Request, actor: Actor?) -> Language {
        let asked = request.headers[.acceptLanguage].flatMap(Language.preferred(acceptLanguage:))
        guard !request.uri.path.hasPrefix("/api/") else { return asked ?? .standard }
        return actor?.languageTag.flatMap(Language.init(tag:))
            ?? AuthCookie.value(AuthCookie.language, in: request).flatMap(Language.init(tag:))
            ?? asked ?? .standard
    }
}
