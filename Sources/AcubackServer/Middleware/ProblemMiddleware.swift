import AcubackServices
import AcubackCore
import Foundation
import Hummingbird
import HTTPTypes
import Logging
import OpenAPIRuntime

/// Turns every error on an API path into an RFC 9457 problem document: input the generated
/// decoder rejects becomes a 400 naming the field, unknown routes a 404, anything unexpected a
/// 500 that reveals nothing internal.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.path.hasPrefix("/api/") else { return try await next(request, context) }
        let instance = request.uri.path
        do {
            return try await next(request, context)
        } catch let error as ValidationError {
            return Problem.badRequest(error, instance: instance).response()
        } catch let error as any ProblemConvertible {
            return error.problem(instance: instance).response()
        } catch let missing as NotFound {
            return Problem.notFound(missing.detail, instance: instance).response()
        } catch let denied as AccessDenied {
            return Self.problem(for: denied, instance: instance, logger: context.logger).response(headers: denied.signedIn ? [:] : [.wwwAuthenticate: "Bearer"])
        } catch let error as ServerError {
            if let denied = Self.accessDenied(in: error) {
                return Self.problem(for: denied, instance: instance, logger: context.logger)
                    .response(headers: denied.signedIn ? [:] : [.wwwAuthenticate: "Bearer"])
            }
            return Self.problem(for: error, instance: instance).response()
        } catch let error as any HTTPResponseError {
            let status = error.status
            let detail = status == .notFound ? "No API resource at \(instance)" : status.code < 500 ? "\(error)" : nil
            return Problem(title: status.reasonPhrase, status: status.code, detail: detail, instance: instance).response()
        } catch {
            context.logger.error("unexpected error on \(instance): \(String(reflecting: error))")
            return Problem(title: "Internal Server Error", status: 500, instance: instance).response()
        }
    }

    /// 401 when nobody is signed in, 403 otherwise; the reason goes to the log, never to the client.
    static func problem(for denied: AccessDenied, instance: String, logger: Logger) -> Problem {
        logger.info("access denied on \(instance): \(denied.reason)")
        return denied.signedIn
            ? Problem(title: "Forbidden", status: 403, detail: "Your account may not do this.", instance: instance)
            : Problem(title: "Unauthorized", status: 401, detail: "Sign in, or send a personal API token as a Bearer token.", instance: instance)
    }

    static func problem(for error: ServerError, instance: String) -> Problem {
        if let validation = error.underlyingError as? ValidationError {
            return .badRequest(validation, instance: instance)
        }
        if let convertible = error.underlyingError as? any ProblemConvertible {
            return convertible.problem(instance: instance)
        }
        if let missing = error.underlyingError as? NotFound {
            return .notFound(missing.detail, instance: instance)
        }
        if let decoding = Self.decodingError(in: error) {
            let field = Self.friendlier(decoding.fieldError, query: Self.queryItems(of: error.request.path))
            return .badRequest(ValidationError([field]), instance: instance)
        }
        if error.underlyingError is any HTTPResponseError {
            let status = (error.underlyingError as! any HTTPResponseError).status
            return Problem(title: status.reasonPhrase, status: status.code, detail: error.causeDescription, instance: instance)
        }
        // Everything else the generated layer rejects is the request's fault: a bad parameter,
        // a missing body, an unacceptable content type.
        let underlying = "\(error.underlyingError)"
        let detail = underlying == error.causeDescription ? underlying : "\(error.causeDescription): \(underlying)"
        if error.causeDescription.hasPrefix("Unexpected content type") {
            return Problem(title: "Unsupported Media Type", status: 415, detail: detail, instance: instance)
        }
        return Problem(title: "The request is not valid", status: 400, detail: detail, instance: instance)
    }

    static func accessDenied(in error: any Error) -> AccessDenied? {
        if let denied = error as? AccessDenied { return denied }
        if let server = error as? ServerError { return accessDenied(in: server.underlyingError) }
        return nil
    }

    static func decodingError(in error: any Error) -> DecodingError? {
        if let decoding = error as? DecodingError { return decoding }
        if let server = error as? ServerError { return decodingError(in: server.underlyingError) }
        return nil
    }

    /// The generated enums say "Cannot initialize X from invalid String value y"; say which value
    /// was wrong, and for a query parameter (which has no coding path) which parameter held it.
    static func friendlier(_ error: FieldError, query: [URLQueryItem]) -> FieldError {
        if error.field == "body", !query.isEmpty {
            // A query value of the wrong type: the parameter whose value does not parse as asked.
            let misfit = query.first { item in
                let value = item.value ?? ""
                if error.rule.contains("whole number") { return Int(value) == nil }
                if error.rule.contains("true or false") { return Bool(value) == nil }
                if error.rule.contains("is not a time such as") { return error.rule.contains("'\(value)'") }
                return false
            }
            if let misfit { return FieldError(field: misfit.name, rule: error.rule) }
        }
        guard let range = error.rule.range(of: "from invalid String value ") else { return error }
        let value = String(error.rule[range.upperBound...])
        var field = error.field
        if field == "body", let parameter = query.first(where: { $0.value == value }) { field = parameter.name }
        return FieldError(field: field, rule: "'\(value)' is not an allowed value (see /api/v1/openapi.yaml)")
    }

    static func queryItems(of path: String?) -> [URLQueryItem] {
        guard let path, let components = URLComponents(string: path) else { return [] }
        return components.queryItems ?? []
    }
}
