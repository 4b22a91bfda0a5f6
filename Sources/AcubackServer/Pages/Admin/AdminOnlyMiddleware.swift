import AcubackCore
import Foundation
import Hummingbird

/// Every page under /admin belongs to the clinic's admin: one check for the whole route group, so
/// no admin page can be added without it. The use cases behind the pages check their own action too.
struct AdminOnlyMiddleware: RouterMiddleware {
    typealias Context = AcubackRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        try context.require(.manageUsers, .clinic(context.actor?.clinicID ?? UUID()))
        return try await next(request, context)
    }
}
