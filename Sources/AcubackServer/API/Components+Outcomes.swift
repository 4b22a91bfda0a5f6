import AcubackAPI
import AcubackCore
import AcubackServices
import Foundation

// Outcome records mapped straight to the API's generated types, enum by enum.

extension Components.Schemas.Measure {
    init(_ record: MeasureRecord) {
        let measures = record.measures
        self.init(
            id: record.id.uuidString, courseId: record.courseID.uuidString, sessionId: record.sessionID?.uuidString,
            timepoint: .init(record.timepoint), takenAt: record.takenAt, painNow: measures.painNow,
            painAverageWeek: measures.painAverageWeek, painWorst: measures.painWorst,
            function: measures.function?.map { .init(activity: $0.activity, score: $0.score) }, functionScore: measures.functionScore,
            fingertipToFloorCm: measures.fingertipToFloorCm, schoberCm: measures.schoberCm, swellingGrade: measures.swellingGrade,
            rolandMorris: measures.rolandMorris, oswestry: measures.oswestry)
    }
}

extension Components.Schemas.Measure.TimepointPayload {
    init(_ timepoint: MeasureTimepoint) {
        switch timepoint {
        case .baseline: self = .baseline
        case .session: self = .session
        case .review: self = .review
        case .followUp: self = .followUp
        }
    }
}

extension Components.Schemas.CourseReview {
    init(_ record: CourseReviewRecord) {
        let review = record.review
        self.init(
            id: record.id.uuidString, courseId: record.courseID.uuidString, afterSession: review.afterSession, isFinal: review.isFinal,
            scale: .init(review.change.scale), baselinePain: review.change.baseline, currentPain: review.change.current,
            changePoints: review.change.points, changePercent: review.change.percent.map { ($0 * 10).rounded() / 10 },
            category: .init(review.category), recommendation: .init(review.recommendation),
            recommendationText: review.recommendation.title, note: record.note, reviewedAt: record.reviewedAt)
    }
}

extension Components.Schemas.CourseReview.ScalePayload {
    init(_ scale: PainScale) {
        switch scale {
        case .averageWeek: self = .averageWeek
        case .now: self = .now
        }
    }
}

extension Components.Schemas.CourseReview.CategoryPayload {
    init(_ category: ResponseCategory) {
        switch category {
        case .responder: self = .responder
        case .partial: self = .partial
        case .nonResponder: self = .nonResponder
        }
    }
}

extension Components.Schemas.CourseReview.RecommendationPayload {
    init(_ recommendation: ReviewRecommendation) {
        switch recommendation {
        case .continueCourse: self = ._continue
        case .completeCourse: self = .complete
        case .offerExtension: self = .offerExtension
        case .reviewOrRefer: self = .reviewOrRefer
        }
    }
}

extension Components.Schemas.OutcomeSettings {
    init(_ settings: OutcomeSettings) {
        self.init(
            importantPercent: settings.importantPercent, importantPoints: settings.importantPoints,
            instruments: settings.instruments.sorted { $0.rawValue < $1.rawValue }.map(InstrumentsPayloadPayload.init))
    }
}

extension Components.Schemas.OutcomeSettings.InstrumentsPayloadPayload {
    init(_ instrument: Instrument) {
        switch instrument {
        case .rolandMorris: self = .rolandMorris
        case .oswestry: self = .oswestry
        }
    }
}

extension OutcomeMeasures {
    /// The API's input as the domain's measures; their ranges are checked by the service.
    init(_ body: Components.Schemas.MeasureInput) {
        self.init(
            painNow: body.painNow, painAverageWeek: body.painAverageWeek, painWorst: body.painWorst,
            function: body.function?.map { FunctionActivity(activity: $0.activity, score: $0.score) },
            fingertipToFloorCm: body.fingertipToFloorCm, schoberCm: body.schoberCm, swellingGrade: body.swellingGrade,
            rolandMorris: body.rolandMorris, oswestry: body.oswestry)
    }
}

extension Components.Schemas.Analytics {
    init(_ analytics: ClinicAnalytics) {
        self.init(
            overall: .init(analytics.overall), byRegion: analytics.byRegion.map(Components.Schemas.ResponderGroup.init),
            byProtocol: analytics.byProtocol.map(Components.Schemas.ResponderGroup.init),
            byPractitioner: analytics.byPractitioner.map(Components.Schemas.ResponderGroup.init), sessions: analytics.sessions,
            rates: analytics.rates.map {
                .init(
                    label: $0.label, count: $0.count, per100Sessions: $0.per100Sessions, percentOfPatients: $0.percentOfPatients,
                    published: $0.published, sourceId: $0.sourceID)
            },
            importantPercent: analytics.importantPercent, importantPoints: analytics.importantPoints)
    }
}

extension Components.Schemas.ResponderGroup {
    init(_ group: ResponderGroup) {
        self.init(
            label: group.label, courses: group.courses, assessed: group.assessed, responders: group.responders, partial: group.partial,
            nonResponders: group.nonResponders, responderRate: group.responderRate, meanChangePoints: group.meanChangePoints,
            meanChangePercent: group.meanChangePercent)
    }
}
