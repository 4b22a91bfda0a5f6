import AcubackServices
import AcubackCore
import Hummingbird

/// Error pages for people: not signed in sends them to sign in and back; not allowed, not
/// found and server errors get a page in the layout that says so plainly, with no internals.
struct PageErrorMiddleware: RouterMiddleware {
    typealias Context = AcubackRequestContext
    let renderer: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // The API answers with problem documents; static files are found by the file middleware
        // further out, which needs to see the router's "not found".
        guard !request.uri.path.hasPrefix("/api/"), !request.uri.path.hasPrefix("/static/") else {
            return try await next(request, context)
        }
        do {
            return try await next(request, context)
        } catch let denied as AccessDenied {
            if !denied.signedIn {
                let next = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
                return Response.redirect(to: "/login?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"), type: .normal)
            }
            context.logger.info("access denied: \(denied.reason)")
            return try page(.forbidden, "Not allowed", "Your account does not give access to this page.", context).response(from: request, context: context)
        } catch let error as ForbiddenForm {
            return try page(.forbidden, "Form refused", error.message, context).response(from: request, context: context)
        } catch is NotFound {
            return try page(.notFound, "Page not found", "There is no page at this address.", context).response(from: request, context: context)
        } catch let error as any ProblemConvertible {
            // A refusal a handler did not show in place (a bad page number, say): a page naming it.
            let refusal = error.problem(instance: nil).pageRefusal
            return try page(refusal.status, "Request refused", refusal.message, context).response(from: request, context: context)
        } catch let error as HTTPError where error.status == .notFound {
            return try page(.notFound, "Page not found", "There is no page at this address.", context).response(from: request, context: context)
        } catch let error as HTTPError where error.status.code < 500 {
            return try page(error.status, error.status.reasonPhrase, error.body ?? "The request could not be handled.", context)
                .response(from: request, context: context)
        } catch {
            context.logger.error("page error on \(request.uri.path): \(String(reflecting: error))")
            return try page(.internalServerError, "Something went wrong", "The page could not be shown. Please try again.", context)
                .response(from: request, context: context)
        }
    }

    func page(_ status: HTTPResponse.Status, _ title: String, _ message: String, _ context: Context) throws -> HTML {
        try renderer.render("error", context, path: "", model: ErrorPage(title: title, message: message), status: status)
    }
}

/// The error template's values: what went wrong, in words for the person.
struct ErrorPage: PageModel {
    let title: String
    let message: String
}

/// A page form refused before its handler ran (CSRF).
struct ForbiddenForm: Error {
    let message: String
}

enum PageErrors {
    static func forbidden(_ message: String) throws -> Response {
        throw ForbiddenForm(message: message)
    }
}
