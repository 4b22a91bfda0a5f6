import AcubackServices
import AcubackCore
import Foundation

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
