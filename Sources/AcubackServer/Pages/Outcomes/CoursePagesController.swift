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
                return try await page(request, context, extra: ["measureError": refusal.message], form: form, status: refusal.status)
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
                return try await page(request, context, extra: ["reviewError": refusal.message], status: refusal.status)
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

    private func page(
        _ request: Request, _ context: AcubackRequestContext, extra: [String: Any] = [:], form: FormFields? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let actor = try context.requireActor(.readPatientClinical)
        let progress = try await outcomes.progress(courseID: try courseID(context), for: actor, from: context.clientAddress)
        guard context.parameters.get("id", as: UUID.self) == progress.course.patientID else { throw HTTPError(.notFound) }
        let patient = try await services.patients.patient(id: progress.course.patientID, for: .readPatientClinical, by: actor)
        let zone = try await services.clinic.settings(clinicID: patient.clinicID).zone
        let settings = try await outcomes.settings(clinicID: patient.clinicID)
        let forPatient = actor.role == .patient
        var values: [String: Any] = [
            "patientName": patient.name, "course": CourseView.summary(progress, zone: zone, forPatient: forPatient),
            "charts": CourseView.charts(progress, settings: settings, zone: zone, forPatient: forPatient),
            "important": "at least \(SVG.number(settings.importantPercent)) % or \(SVG.number(settings.importantPoints)) points less pain than at the baseline",
            "reviews": progress.reviews.map { record -> [String: Any] in
                var row: [String: Any] = ["when": DisplayTime.format(record.reviewedAt, in: zone),
                                          "text": forPatient ? PlainWords.review(record.review) : CourseView.reviewText(record),
                                          "category": record.review.category.rawValue]
                if !record.note.isEmpty { row["note"] = record.note }
                return row
            },
        ]
        if let saved = FormFields(request.uri.queryParameters).first("saved") { values["saved" + saved.capitalized] = true }
        if AccessPolicy.decide(actor, .recordOutcome, .patient(clinicID: patient.clinicID, patientID: patient.id)).isAllowed {
            values["forms"] = formContext(progress, settings: settings, form: form, zone: zone)
        }
        values.merge(extra) { _, new in new }
        return try renderer.render("course", context, path: actor.role == .patient ? "/me" : "/patients", values: values, status: status)
            .response(from: request, context: context)
    }

    /// The measures and review forms, refilled with what was typed when a save was refused.
    func formContext(_ progress: CourseProgress, settings: OutcomeSettings, form: FormFields?, zone: TimeZone) -> [String: Any] {
        let hasBaseline = progress.baseline != nil
        let redFlagQuestions = RedFlag.allCases.map { ["value": $0.rawValue, "question": $0.question] }
        let chosen = form?.text("timepoint") ?? (hasBaseline ? "session" : "baseline")
        let timepoints = MeasureTimepoint.allCases.filter { $0 != .baseline || !hasBaseline }.map { timepoint -> [String: Any] in
            var option: [String: Any] = ["value": timepoint.rawValue, "label": timepoint.rawValue.capitalized.replacingOccurrences(of: "-", with: " ")]
            if timepoint.rawValue == chosen { option["selected"] = true }
            return option
        }
        let names = progress.baseline?.measures.function?.map(\.activity) ?? []
        let activities = (0..<MeasureForm.activityRows).map { row -> [String: Any] in
            var values: [String: Any] = ["row": row, "number": row + 1]
            let name = form?.text("activity\(row)") ?? (row < names.count ? names[row] : "")
            if !name.isEmpty { values["name"] = name }
            if let score = form?.text("activityScore\(row)"), !score.isEmpty { values["score"] = score }
            return values
        }
        var values: [String: Any] = [
            "timepoints": timepoints, "activities": activities, "afterSession": progress.sessionsDone, "redFlagQuestions": redFlagQuestions,
            "sessions": progress.sessions.map { ["id": $0.sessionID.uuidString, "label": "Session \($0.number), \(DisplayTime.short($0.startedAt, in: zone))"] },
        ]
        for field in ["painNow", "painAverageWeek", "painWorst", "fingertipToFloorCm", "schoberCm", "swellingGrade", "rolandMorris", "oswestry"] {
            if let text = form?.text(field), !text.isEmpty { values[field] = text }
        }
        if settings.instruments.contains(.rolandMorris) { values["rolandMorrisEnabled"] = true }
        if settings.instruments.contains(.oswestry) { values["oswestryEnabled"] = true }
        if progress.sessionsDone > 0, progress.baseline != nil { values["canReview"] = true }
        if let latest = progress.reviews.last, latest.review.recommendation == .offerExtension, progress.course.extendsCourseID == nil {
            values["offerExtension"] = ["sessions": Regimen.extensionSessions, "courseId": progress.course.id.uuidString]
        }
        return values
    }
}
