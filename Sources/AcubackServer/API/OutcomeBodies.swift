import AcubackServices
import AcubackCore
import Foundation

struct RegimenBody: Encodable {
    struct Phase: Encodable {
        let sessions: Int
        let perWeek: Int
    }

    let origin: String
    let name: String
    let summary: String
    let sessions: Int
    let weeks: Int
    let phases: [Phase]
    let reviewAfter: [Int]
    let source: ClinicalSource?

    init(_ regimen: Regimen) {
        origin = regimen.origin.rawValue
        name = regimen.name
        summary = regimen.summary
        sessions = regimen.sessions
        weeks = regimen.weeks
        phases = regimen.phases.map { Phase(sessions: $0.sessions, perWeek: $0.perWeek) }
        reviewAfter = regimen.reviewAfter
        source = regimen.source
    }
}

struct MeasureBody: Encodable {
    let id: String
    let courseId: String
    let sessionId: String?
    let timepoint: String
    let takenAt: Date
    let painNow: Int?
    let painAverageWeek: Int?
    let painWorst: Int?
    let function: [FunctionActivity]?
    let functionScore: Double?
    let fingertipToFloorCm: Double?
    let schoberCm: Double?
    let swellingGrade: Int?
    let rolandMorris: Int?
    let oswestry: Int?

    init(_ record: MeasureRecord) {
        id = record.id.uuidString
        courseId = record.courseID.uuidString
        sessionId = record.sessionID?.uuidString
        timepoint = record.timepoint.rawValue
        takenAt = record.takenAt
        let measures = record.measures
        painNow = measures.painNow
        painAverageWeek = measures.painAverageWeek
        painWorst = measures.painWorst
        function = measures.function
        functionScore = measures.functionScore
        fingertipToFloorCm = measures.fingertipToFloorCm
        schoberCm = measures.schoberCm
        swellingGrade = measures.swellingGrade
        rolandMorris = measures.rolandMorris
        oswestry = measures.oswestry
    }
}

struct CourseReviewBody: Encodable {
    let id: String
    let courseId: String
    let afterSession: Int
    let isFinal: Bool
    let scale: String
    let baselinePain: Int
    let currentPain: Int
    let changePoints: Int
    let changePercent: Double?
    let category: String
    let recommendation: String
    let recommendationText: String
    let note: String
    let reviewedAt: Date

    init(_ record: CourseReviewRecord) {
        let review = record.review
        id = record.id.uuidString
        courseId = record.courseID.uuidString
        afterSession = review.afterSession
        isFinal = review.isFinal
        scale = review.change.scale.rawValue
        baselinePain = review.change.baseline
        currentPain = review.change.current
        changePoints = review.change.points
        changePercent = review.change.percent.map { ($0 * 10).rounded() / 10 }
        category = review.category.rawValue
        recommendation = review.recommendation.rawValue
        recommendationText = review.recommendation.title
        note = record.note
        reviewedAt = record.reviewedAt
    }
}

struct AnalyticsBody: Encodable {
    struct Rate: Encodable {
        let label: String
        let count: Int
        let per100Sessions: Double?
        let percentOfPatients: Double?
        let published: String?
        let sourceId: String?
    }

    let overall: ResponderGroup
    let byRegion: [ResponderGroup]
    let byProtocol: [ResponderGroup]
    let byPractitioner: [ResponderGroup]
    let sessions: Int
    let rates: [Rate]
    let importantPercent: Double
    let importantPoints: Double

    init(_ analytics: ClinicAnalytics) {
        overall = analytics.overall
        byRegion = analytics.byRegion
        byProtocol = analytics.byProtocol
        byPractitioner = analytics.byPractitioner
        sessions = analytics.sessions
        rates = analytics.rates.map {
            Rate(label: $0.label, count: $0.count, per100Sessions: $0.per100Sessions, percentOfPatients: $0.percentOfPatients,
                 published: $0.published, sourceId: $0.sourceID)
        }
        importantPercent = analytics.importantPercent
        importantPoints = analytics.importantPoints
    }
}

struct OutcomeSettingsBody: Codable {
    let importantPercent: Double
    let importantPoints: Double
    let instruments: [String]

    init(_ settings: OutcomeSettings) {
        importantPercent = settings.importantPercent
        importantPoints = settings.importantPoints
        instruments = settings.instruments.map(\.rawValue).sorted()
    }
}
