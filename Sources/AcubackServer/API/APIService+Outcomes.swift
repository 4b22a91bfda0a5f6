import AcubackServices
import AcubackAPI
import AcubackCore
import Foundation
import OpenAPIRuntime

/// Measures, course reviews, analytics and outcome settings.
extension APIService {
    var outcomes: OutcomeService { OutcomeService(services: services) }

    func courseID(_ text: String) throws -> UUID {
        guard let id = UUID(uuidString: text) else { throw NotFound(detail: "No such course") }
        return id
    }

    func listMeasures(_ input: Operations.ListMeasures.Input) async throws -> Operations.ListMeasures.Output {
        let progress = try await outcomes.progress(courseID: try courseID(input.path.courseId), for: try actor, from: RequestActor.clientAddress)
        return .ok(.init(body: .json(.init(items: progress.measures.map(Components.Schemas.Measure.init)))))
    }

    func recordMeasure(_ input: Operations.RecordMeasure.Input) async throws -> Operations.RecordMeasure.Output {
        let actor = try actor
        guard case .json(let body) = input.body else { throw ValidationError(field: "body", rule: "must be JSON") }
        let saved = try await outcomes.recordMeasure(
            courseID: try courseID(input.path.courseId), timepoint: MeasureTimepoint(rawValue: body.timepoint.rawValue) ?? .session,
            sessionID: try uuid(body.sessionId, field: "sessionId"), takenAt: body.takenAt, measures: OutcomeMeasures(body), by: actor,
            from: RequestActor.clientAddress)
        return .created(.init(body: .json(.init(saved))))
    }

    func listCourseReviews(_ input: Operations.ListCourseReviews.Input) async throws -> Operations.ListCourseReviews.Output {
        let progress = try await outcomes.progress(courseID: try courseID(input.path.courseId), for: try actor, from: RequestActor.clientAddress)
        return .ok(.init(body: .json(.init(items: progress.reviews.map(Components.Schemas.CourseReview.init)))))
    }

    func reviewCourse(_ input: Operations.ReviewCourse.Input) async throws -> Operations.ReviewCourse.Output {
        let actor = try actor
        guard case .json(let body) = input.body else { throw ValidationError(field: "body", rule: "must be JSON") }
        let saved = try await outcomes.review(
            courseID: try courseID(input.path.courseId), afterSession: body.afterSession, note: body.note ?? "",
            redFlags: (body.redFlags ?? []).compactMap { RedFlag(rawValue: $0.rawValue) }, by: actor, from: RequestActor.clientAddress)
        return .created(.init(body: .json(.init(saved))))
    }

    func getAnalytics(_ input: Operations.GetAnalytics.Input) async throws -> Operations.GetAnalytics.Output {
        let analytics = try await outcomes.analytics(for: try actor, from: RequestActor.clientAddress)
        return .ok(.init(body: .json(.init(analytics))))
    }

    func getOutcomeSettings(_ input: Operations.GetOutcomeSettings.Input) async throws -> Operations.GetOutcomeSettings.Output {
        let settings = try await outcomes.settings(by: try actor)
        return .ok(.init(body: .json(.init(settings))))
    }

    func saveOutcomeSettings(_ input: Operations.SaveOutcomeSettings.Input) async throws -> Operations.SaveOutcomeSettings.Output {
        let actor = try actor
        guard case .json(let body) = input.body else { throw ValidationError(field: "body", rule: "must be JSON") }
        let settings = OutcomeSettings(
            importantPercent: body.importantPercent, importantPoints: body.importantPoints,
            instruments: Set(body.instruments.compactMap { Instrument(rawValue: $0.rawValue) }))
        try await outcomes.saveSettings(settings, by: actor, from: RequestActor.clientAddress)
        return .ok(.init(body: .json(.init(settings))))
    }
}
