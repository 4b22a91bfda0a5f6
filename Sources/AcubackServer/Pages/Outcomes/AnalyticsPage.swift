import AcubackServices
import AcubackCore
import Foundation

/// The analytics template's values: responder rates overall and by group, the after-effect
/// rates beside the published ones, and for the clinic admin the outcome settings.
struct AnalyticsPage: PageModel {
    /// One group's responders; a figure with nothing to count is "–".
    struct GroupRow: Sendable {
        let label: String
        let courses: Int
        let assessed: Int
        let responders: Int
        let partial: Int
        let nonResponders: Int
        let rate: String
        let meanPoints: String
        let meanPercent: String

        init(_ group: ResponderGroup) {
            label = group.label
            courses = group.courses
            assessed = group.assessed
            responders = group.responders
            partial = group.partial
            nonResponders = group.nonResponders
            rate = AnalyticsPage.number(group.responderRate, " %")
            meanPoints = AnalyticsPage.number(group.meanChangePoints)
            meanPercent = AnalyticsPage.number(group.meanChangePercent, " %")
        }
    }

    struct Group: Sendable {
        let title: String
        let id: String
        let rows: [GroupRow]

        init(_ title: String, id: String, _ groups: [ResponderGroup]) {
            self.title = title
            self.id = id
            rows = groups.map(GroupRow.init)
        }
    }

    struct Rate: Sendable {
        let label: String
        let count: Int
        let per100: String
        let patients: String
        let published: String?
        let source: String?

        init(_ rate: ObservedRate) {
            label = rate.label
            count = rate.count
            per100 = AnalyticsPage.number(rate.per100Sessions)
            patients = AnalyticsPage.number(rate.percentOfPatients, " %")
            published = rate.published
            source = rate.sourceID.flatMap { ClinicalSources.source(id: $0) }?.citation
        }
    }

    /// The form for the important difference and the licensed questionnaires.
    struct Settings: Sendable {
        struct Choice: Sendable {
            let value: String
            let label: String
            let checked: Bool?
        }

        let percent: String
        let points: String
        let instruments: [Choice]

        init(_ settings: OutcomeSettings) {
            percent = SVG.number(settings.importantPercent)
            points = SVG.number(settings.importantPoints)
            instruments = Instrument.allCases.map {
                Choice(value: $0.rawValue, label: $0.title, checked: settings.instruments.contains($0) ? true : nil)
            }
        }
    }

    let overall: GroupRow
    let sessions: Int
    let important: String
    let groups: [Group]
    let rates: [Rate]
    /// Nil for a reader who may not change the settings.
    let settings: Settings?
    let settingsSaved: Bool?
    let settingsError: String?

    init(_ analytics: ClinicAnalytics, settings: Settings?, saved: Bool, settingsError: String?) {
        overall = GroupRow(analytics.overall)
        sessions = analytics.sessions
        important = "at least \(SVG.number(analytics.importantPercent)) % or \(SVG.number(analytics.importantPoints)) points"
        groups = [
            Group("By region", id: "by-region", analytics.byRegion),
            Group("By protocol", id: "by-protocol", analytics.byProtocol),
            Group("By practitioner", id: "by-practitioner", analytics.byPractitioner),
        ]
        rates = analytics.rates.map(Rate.init)
        self.settings = settings
        settingsSaved = saved ? true : nil
        self.settingsError = settingsError
    }

    static func number(_ value: Double?, _ suffix: String = "") -> String {
        value.map { SVG.number($0) + suffix } ?? "–"
    }
}
