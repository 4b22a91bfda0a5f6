import AcubackServices
import AcubackCore
import Foundation
import Hummingbird

/// The check-in a day or two after a session: the patient in the portal, or reception taking it
/// on the phone. Neither needs to see the session's clinical record to enter it.
struct CheckInPagesController {
    let renderer: PageRenderer
    let services: AppServices

    var sessions: TreatmentSessionService { TreatmentSessionService(services: services) }

    func addRoutes(to router: Router<AcubackRequestContext>) {
        router.get("/sessions/{id}/check-in") { request, context in try await form(request, context) }
        router.post("/sessions/{id}/check-in") { request, context in
            let actor = try context.requireActor(.recordCheckIn)
            guard let id = context.parameters.get("id", as: UUID.self) else { throw HTTPError(.notFound) }
            let fields = try await FormFields.of(request)
            do {
                guard let soreness = Int(fields.text("soreness")) else { throw ValidationError(field: "soreness", rule: "must be a whole number from 0 to 10") }
                let hours = fields.text("sorenessHoursAfter")
                guard hours.isEmpty || Int(hours) != nil else { throw ValidationError(field: "sorenessHoursAfter", rule: "must be a whole number of hours") }
                let checkIn = CheckIn(
                    soreness: soreness, sorenessHoursAfter: Int(hours), tiredness: fields.flag("tiredness"), neededSleep: fields.flag("neededSleep"),
                    bruising: fields.flag("bruising"), breathlessness: fields.flag("breathlessness"), other: fields.text("other"),
                    markedSerious: fields.flag("serious"))
                let record = try await sessions.checkIn(checkIn, for: id, by: actor, from: context.clientAddress)
                let session = try await sessions.session(record.sessionID, for: .recordCheckIn, by: actor, from: context.clientAddress)
                return Response.redirect(to: "/patients/\(session.patientID)?checkIn=\(checkIn.isSerious ? "serious" : "saved")#sessions", type: .normal)
            } catch let error as any ProblemConvertible {
                let refusal = error.problem(instance: nil).pageRefusal
                return try await form(request, context, message: refusal.message, status: refusal.status)
            }
        }
    }

    private func form(
        _ request: Request, _ context: AcubackRequestContext, message: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let actor = try context.requireActor(.recordCheckIn)
        guard let id = context.parameters.get("id", as: UUID.self) else { throw HTTPError(.notFound) }
        let session = try await sessions.session(id, for: .recordCheckIn, by: actor, from: context.clientAddress)
        let zone = try await services.clinic.settings(clinicID: session.clinicID).zone
        let existing = try await sessions.checkIn(of: session)
        let model = CheckInPage(
            sessionId: id.uuidString, patientId: session.patientID.uuidString, patientName: session.patientName,
            when: DisplayTime.format(session.startedAt, in: zone), own: actor.patientID == session.patientID, closed: !session.isOpen,
            message: message, existing: existing.map { CheckInView($0, zone: zone) })
        return try renderer.render("check-in", context, path: actor.role == .patient ? "/me" : "/patients", model: model, status: status)
            .response(from: request, context: context)
    }
}

/// The check-in template's values: the form, or the check-in already entered.
struct CheckInPage: PageModel {
    let sessionId: String
    let patientId: String
    let patientName: String
    let when: String
    /// The patient checking in on their own session, rather than reception on the phone.
    let own: Bool
    let closed: Bool
    let message: String?
    let existing: CheckInView?
}
