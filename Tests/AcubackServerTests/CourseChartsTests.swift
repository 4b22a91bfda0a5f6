import AcubackCore
import Foundation
import Testing

@testable import AcubackServer
@testable import AcubackServices
@testable import AcubackStore

@Suite struct CourseChartsTests {
    static let start = Date(timeIntervalSince1970: 1_793_000_000)  // 26 October 2026
    static let courseID = UUID(uuidString: "0C0FFEE0-0000-4000-8000-000000000001")!
    static let patientID = UUID(uuidString: "0C0FFEE0-0000-4000-8000-000000000002")!

    static func day(_ number: Double) -> Date { start.addingTimeInterval(number * 86_400) }

    static let course = CourseRecord(
        id: courseID, clinicID: UUID(), patientID: patientID, practitionerID: UUID(), sessions: 10, perWeek: 2, kind: .treatment,
        status: "booked", createdAt: start, regimen: .gerac, planID: nil, region: "lower", protocolName: "Cherkin 2009",
        extendsCourseID: nil, baselineMeasureID: nil, latestMeasureID: nil)

    static func measure(_ timepoint: MeasureTimepoint, day: Double, _ measures: OutcomeMeasures) -> MeasureRecord {
        MeasureRecord(id: UUID(), courseID: courseID, patientID: patientID, sessionID: nil, timepoint: timepoint, takenAt: Self.day(day), measures: measures)
    }

    static let progress = CourseProgress(
        course: course,
        measures: [
            measure(.baseline, day: 0, OutcomeMeasures(
                painNow: 7, painAverageWeek: 6, painWorst: 9,
                function: [FunctionActivity(activity: "bending", score: 3), FunctionActivity(activity: "sitting", score: 4)],
                fingertipToFloorCm: 32, schoberCm: 2.5)),
            measure(.review, day: 14, OutcomeMeasures(
                painNow: 5, painAverageWeek: 5, painWorst: 7,
                function: [FunctionActivity(activity: "bending", score: 5), FunctionActivity(activity: "sitting", score: 6)],
                fingertipToFloorCm: 24, schoberCm: 3.5)),
            measure(.followUp, day: 32, OutcomeMeasures(painNow: 3, painAverageWeek: 3, fingertipToFloorCm: 15)),
        ],
        sessions: (1...4).map { number in
            SessionPain(number: number, sessionID: UUID(), startedAt: day(Double(number) * 3.5), before: 7 - number, after: number == 4 ? nil : 5 - number)
        },
        reviews: [])

    var charts: CourseCharts { CourseCharts(progress: Self.progress, settings: .standard, zone: TimeZone(identifier: "UTC")!) }

    @Test func painChartShowsTheBaselineAndTheImportantChangeBand() throws {
        let figure = try #require(charts.pain)
        #expect(figure.svg.contains("<title id=\"chart-pain-0C0FFEE0-title\">Pain over the course</title>"))
        #expect(figure.svg.contains("Baseline average pain over the last week 6; an important improvement is 4.2 or less"))
        #expect(figure.svg.contains("class=\"band\""))
        #expect(figure.svg.contains("Baseline 6"))
        #expect(figure.rows.map { $0[1] } == ["6", "5", "3"], "the table carries the average of each measure")
        #expect(figure.rows.map { $0[0] } == ["Baseline", "9 Nov (review)", "27 Nov (follow-up)"])
        try expectSnapshot(figure.svg, named: "pain-chart.svg")
    }

    @Test func functionAndMobilityCharts() throws {
        let function = try #require(charts.function)
        #expect(function.rows.map { $0[1] } == ["3.5", "5.5"], "only measures with a function score are plotted")
        try expectSnapshot(function.svg, named: "function-chart.svg")
        let mobility = try #require(charts.mobility)
        #expect(mobility.svg.contains(">40</text>"), "the axis is rounded up to the next 10 cm above 32")
        #expect(mobility.rows.last == ["27 Nov", "15", "–"])
        try expectSnapshot(mobility.svg, named: "mobility-chart.svg")
    }

    @Test func sessionChartPairsBeforeAndAfter() throws {
        let figure = try #require(charts.sessions)
        #expect(figure.rows.count == 4 && figure.rows[3][3] == "–", "a session still open has no after score")
        #expect(figure.svg.contains("on average 2 points less by the end"))
        #expect(figure.svg.components(separatedBy: "<circle").count - 1 == 3 + 1, "three after-dots plus the legend's")
        try expectSnapshot(figure.svg, named: "sessions-chart.svg")
    }

    @Test func importantThresholdIsTheEasierOfTheTwoRules() {
        #expect(CourseCharts.importantThreshold(baseline: 6, settings: .standard) == 4.2)
        #expect(CourseCharts.importantThreshold(baseline: 10, settings: .standard) == 8)
        #expect(CourseCharts.importantThreshold(baseline: 1, settings: .standard) == 0.7)
    }

    @Test func noMeasuresNoCharts() {
        let empty = CourseProgress(course: Self.course, measures: [], sessions: [], reviews: [])
        #expect(CourseCharts(progress: empty, settings: .standard, zone: .gmt).figures.isEmpty)
    }

    @Test func labelsAndTextAreEscaped() {
        let chart = LineChart(
            id: "x", title: "A <b> & \"c\"", description: "d", positions: ["<p>"], range: 0...10, unit: "u", ticks: [0, 10],
            series: [.init(name: "<script>", values: [1], colour: "#000")])
        let svg = chart.render()
        #expect(!svg.contains("<b>") && !svg.contains("<script>") && !svg.contains("<p>"))
        #expect(svg.contains("A &lt;b&gt; &amp; &quot;c&quot;"))
    }
}
