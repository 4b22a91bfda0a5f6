import AcubackServices
import AcubackCore
import Foundation
import Hummingbird

/// A course's own page: where it stands, its charts, the measures form and the review. The
/// patient sees their own course without the forms.
struct CoursePagesController {
    let renderer: PageRenderer
    let services: AppServices

    var outcomes: OutcomeService { OutcomeService(services: services) }

    func addRoutes(to router: Router<AcubackRequestContext>) {
        router.get("/patients/{id}/courses/{courseId}") { request, context in
            try await page(request, context)
        }
        router.post("/patients/{id}/courses/{courseId}/measures") { request, context in
            let actor = try context.requireActor(.recordOutcome)
            let courseID = try courseID(context)
            let form = try await FormFields.of(request)
            do {
                guard let timepoint = MeasureTimepoint(rawValue: form.text("timepoint")) else {
                    throw ValidationError(field: "timepoint", rule: "must be one of " + MeasureTimepoint.allCases.map(\.rawValue).joined(separator: ", "))
                }
                let sessionText = form.text("sessionId")
                let sessionID = sessionText.isEmpty ? nil : try uuid(sessionText, field: "sessionId")
                _ = try await outcomes.recordMeasure(
                    courseID: courseID, timepoint: timepoint, sessionID: sessionID, takenAt: nil, measures: try MeasureForm.measures(from: form),
                    by: actor, from: context.clientAddress)
            } catch let error as any ProblemConvertible {
                let refusal = error.problem(instance: nil).pageRefusal
                return try await page(request, context, form: form, measureError: refusal.message, status: refusal.status)
            }
            return Response.redirect(to: try coursePath(context) + "?saved=measures#measures", type: .normal)
        }
        router.post("/patients/{id}/courses/{courseId}/review") { request, context in
            let actor = try context.requireActor(.recordOutcome)
            let courseID = try courseID(context)
            let form = try await FormFields.of(request)
            do {
                let after = form.text("afterSession")
                guard after.isEmpty || Int(after) != nil else { throw ValidationError(field: "afterSession", rule: "must be a session number") }
                let flags = try form.all("redFlags").map { text throws(ValidationError) -> RedFlag in
                    guard let flag = RedFlag(rawValue: text) else { throw ValidationError(field: "redFlags", rule: "'\(text)' is not a red flag this form asks about") }
                    return flag
                }
                _ = try await outcomes.review(
                    courseID: courseID, afterSession: Int(after), note: form.text("note"), redFlags: flags, by: actor, from: context.clientAddress)
            } catch let error as any ProblemConvertible {
                let refusal = error.problem(instance: nil).pageRefusal
                return try await page(request, context, reviewError: refusal.message, status: refusal.status)
            }
            return Response.redirect(to: try coursePath(context) + "?saved=review#reviews", type: .normal)
        }
    }

    func coursePath(_ context: AcubackRequestContext) throws -> String {
        guard let patientID = context.parameters.get("id", as: UUID.self) else { throw HTTPError(.notFound) }
        return "/patients/\(patientID)/courses/\(try courseID(context))"
    }

    func courseID(_ context: AcubackRequestContext) throws -> UUID {
        guard let id = context.parameters.get("courseId", as: UUID.self) else { throw HTTPError(.notFound) }
        return id
    }

    /// `form`: the measures as sent, when they were refused.
    private func page(
        _ request: Request, _ context: AcubackRequestContext, form: FormFields? = nil, measureError: String? = nil, reviewError: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let actor = try context.requireActor(.readPatientClinical)
        let progress = try await outcomes.progress(courseID: try courseID(context), for: actor, from: context.clientAddress)
        guard context.parameters.get("id", as: UUID.self) == progress.course.patientID else { throw HTTPError(.notFound) }
        let patient = try await services.patients.patient(id: progress.course.patientID, for: .readPatientClinical, by: actor)
        let zone = try await services.clinic.settings(clinicID: patient.clinicID).zone
        let settings = try await outcomes.settings(clinicID: patient.clinicID)
        let recordsOutcomes = AccessPolicy.decide(actor, .recordOutcome, .patient(clinicID: patient.clinicID, patientID: patient.id)).isAllowed
        let model = CoursePage(
            progress, charts: renderer.charts(progress, settings: settings, zone: zone, forPatient: actor.role == .patient, language: context.language), patientName: patient.name, settings: settings, zone: zone, forPatient: actor.role == .patient,
            saved: FormFields(request.uri.queryParameters).first("saved"),
            forms: recordsOutcomes ? CourseForms(progress, settings: settings, form: form, zone: zone) : nil,
            measureError: measureError, reviewError: reviewError)
        return try renderer.render("course", context, path: actor.role == .patient ? "/me" : "/patients", model: model, status: status)
            .response(from: request, context: context)
    }
}
