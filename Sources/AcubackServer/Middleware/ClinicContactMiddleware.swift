import AcubackServices
import AcubackCore
import Foundation
import Hummingbird

/// Finds, for each page request, the clinic it belongs to and its contact details, so the layout
/// and "call the clinic" lines show that clinic's own name and number. Read per request from the
/// database, never kept in memory, so every instance shows a change at once.
struct ClinicContactMiddleware: RouterMiddleware {
    typealias Context = AcubackRequestContext
    let services: AppServices

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // The API has no layout; probes and metrics should not touch the database for a name.
        let path = request.uri.path
        guard !path.hasPrefix("/api/"), !["/healthz", "/readyz", "/metrics"].contains(path) else {
            return try await next(request, context)
        }
        var context = context
        let clinicID: UUID?
        if let actor = context.actor {
            clinicID = actor.clinicID
        } else {
            clinicID = try await services.clinic.defaultClinic()?.id
        }
        if let clinicID {
            context.clinicContact = try await services.clinic.contact(clinicID: clinicID)
        }
        return try await next(request, context)
    }
}
