import AcubackServices
import AcubackCore
import Foundation
import Hummingbird

/// A patient moves their own visit to another free time with the same practitioner, until the
/// clinic's notice period; inside it, the page says to call the clinic.
extension PatientBookingController {
    func addMoveRoutes(to router: Router<AcubackRequestContext>) {
        router.get("/me/visits/{id}/move") { request, context in
            try context.require(.readOwnRecord)
            return try await choose(request, context, moving: try await ownVisit(context))
        }
        router.post("/me/visits/{id}/move") { request, context in
            try context.require(.readOwnRecord)
            let visit = try await ownVisit(context)
            let actor = context.actor!
            let form = try await FormFields.of(request)
            guard let start = ISO8601DateFormatter().date(from: form.text("start")) else {
                return try await choose(request, context, moving: visit, message: "Choose one of the times shown.", status: .badRequest)
            }
            let moved: AppointmentRecord
            do {
                moved = try await booking.reschedule(visit, to: start, by: actor, from: context.clientAddress)
            } catch let error as BookingError {
                return try await choose(request, context, moving: visit, message: error.description, status: error.isConflict ? .conflict : .unprocessableContent)
            }
            return Response.redirect(to: "/me/visits?moved=\(moved.id.uuidString)", type: .normal)
        }
    }

    /// The signed-in patient's own booked visit named in the path; anyone else's is not found.
    private func ownVisit(_ context: AcubackRequestContext) async throws -> AppointmentRecord {
        guard let id = context.parameters.get("id", as: UUID.self), let actor = context.actor, actor.role == .patient,
              let visit = try? await booking.bookedVisit(id: id, by: actor)
        else { throw HTTPError(.notFound) }
        return visit
    }
}
