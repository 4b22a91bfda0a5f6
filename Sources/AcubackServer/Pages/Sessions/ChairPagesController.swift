import AcubackServices
import AcubackCore
import Foundation
import Hummingbird

/// The practitioner at the chair: the dashboard of running timers and treatments to start, and
/// one session's page with the chart to tap needles in and out, the countdown and the closing.
struct ChairPagesController {
    let renderer: PageRenderer
    let services: AppServices

    var sessions: TreatmentSessionService { TreatmentSessionService(services: services) }

    func addRoutes(to router: Router<AcubackRequestContext>) {
        router.get("/chair") { request, context in try await dashboard(request, context) }
        router.post("/chair/sessions") { request, context in
            let actor = try context.requireActor(.treatPatient)
            let form = try await FormFields.of(request)
            do {
                guard let appointmentID = UUID(uuidString: form.text("appointmentId")) else {
                    throw ValidationError(field: "appointmentId", rule: "choose a booked treatment")
                }
                guard let pain = Int(form.text("painBefore")) else { throw ValidationError(field: "painBefore", rule: "must be a whole number from 0 to 10") }
                let record = try await sessions.start(
                    appointmentID: appointmentID, position: TreatmentPosition(rawValue: form.text("position")), painBefore: pain,
                    offDayReason: form.text("offDayReason"), by: actor, from: context.clientAddress)
                return Response.redirect(to: "/sessions/\(record.id)", type: .normal)
            } catch let error as any ProblemConvertible {
                let refusal = error.problem(instance: nil).pageRefusal
                return try await dashboard(request, context, message: refusal.message, status: refusal.status)
            }
        }
        router.get("/sessions/{id}") { request, context in
            try await page(request, context)
        }
        addActionRoutes(to: router)
    }

    func sessionID(_ context: AcubackRequestContext) throws -> UUID {
        guard let id = context.parameters.get("id", as: UUID.self) else { throw HTTPError(.notFound) }
        return id
    }

    /// Running timers, and the booked treatments a session can start from.
    func dashboard(
        _ request: Request, _ context: AcubackRequestContext, message: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let actor = try context.requireActor(.treatPatient)
        let zone = try await services.clinic.settings(clinicID: actor.clinicID).zone
        let chairDay = try await sessions.chairDay(by: actor, from: context.clientAddress)
        let model = ChairDashboardPage(chairDay, isPractitioner: actor.practitionerID != nil, now: services.now(), zone: zone, message: message)
        return try renderer.render("chair-dashboard", context, path: "/chair", model: model, status: status)
            .response(from: request, context: context)
    }

    /// One session: controls for its practitioner, the record for colleagues who may read it.
    func page(
        _ request: Request, _ context: AcubackRequestContext, message: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        guard let actor = context.actor else { throw AccessDenied(signedIn: false, reason: "sign in to see a session") }
        let record = try await sessions.session(try sessionID(context), for: .readPatientClinical, by: actor, from: context.clientAddress)
        let zone = try await services.clinic.settings(clinicID: record.clinicID).zone
        let canTreat = AccessPolicy.decide(actor, .treatPatient, .session(clinicID: record.clinicID, practitionerID: record.practitionerID)).isAllowed
        let note = NoteView(
            try await SessionNoteService(services: services).notes(of: record), canWrite: canTreat, sessionOpen: record.isOpen, zone: zone,
            saved: FormFields(request.uri.queryParameters).text("noteSaved") == "1")
        let checkIn = try await sessions.checkIn(of: record).map { CheckInView($0, zone: zone) }
        // The chair offers only what the safety rules allow this patient today.
        let safety = canTreat && record.isOpen ? try await sessions.safety(for: record) : nil
        let model = ChairView(
            record: record, now: services.now(), zone: zone, canTreat: canTreat, note: note, checkIn: checkIn, safety: safety,
            forPatient: actor.role == .patient, message: message)
        return try renderer.render("chair", context, path: actor.role == .patient ? "/me" : "/chair", model: model, status: status)
            .response(from: request, context: context)
    }
}

/// How the chair names the parts of the body chart.
enum BodyAreaWords {
    static func label(_ area: BodyArea) -> String {
        switch area {
        case .head: "Head"
        case .neck: "Neck and top of the shoulder"
        case .upperBack: "Upper back (T1–T6)"
        case .middleBack: "Middle back (T7–T12)"
        case .lowerBack: "Lower back and sacrum (L1–S4)"
        case .buttocks: "Buttock"
        case .lowerAbdomen: "Lower abdomen (front, below the navel)"
        case .leg: "Leg"
        case .foot: "Foot"
        case .hand: "Hand"
        case .ear: "Ear"
        }
    }
}
