import Testing

@testable import AcubackCore

@Suite struct ClinicAnalyticsTests {
    func course(_ region: String, _ practitioner: String, _ before: Int?, _ after: Int?) -> CourseOutcome {
        let change = before.flatMap { b in after.map { PainChange(scale: .averageWeek, baseline: b, current: $0) } }
        return CourseOutcome(region: region, protocolName: region == "lower" ? "Cherkin 2009" : "Level-built", practitionerName: practitioner, change: change)
    }

    @Test func responderRatesAndMeanChangeByGroup() {
        let courses = [
            course("lower", "Ana", 6, 3),   // responder, 3 points, 50 %
            course("lower", "Ana", 8, 7),   // partial, 1 point, 12.5 %
            course("lower", "Ben", 5, 5),   // non-responder, 0
            course("upper", "Ben", 4, 2),   // responder, 2 points, 50 %
            course("upper", "Ben", nil, nil), // not yet assessed
        ]
        let analytics = ClinicAnalytics(courses: courses, tally: SessionTally(), settings: .standard)
        #expect(analytics.overall.courses == 5 && analytics.overall.assessed == 4 && analytics.overall.responders == 2)
        #expect(analytics.overall.responderRate == 50)
        #expect(analytics.overall.meanChangePoints == 1.5)
        let expectedPercent: Double = (50 + 12.5 + 0 + 50) / 4
        #expect(analytics.overall.meanChangePercent == expectedPercent)
        let lower = analytics.byRegion.first { $0.label == "lower" }!
        #expect(lower.assessed == 3 && lower.responders == 1 && lower.partial == 1 && lower.nonResponders == 1)
        let ben = analytics.byPractitioner.first { $0.label == "Ben" }!
        #expect(ben.courses == 3 && ben.assessed == 2 && ben.responderRate == 50)
        #expect(analytics.byProtocol.map(\.label) == ["Cherkin 2009", "Level-built"])
    }

    @Test func ratesPerHundredSessionsBesideThePublishedOnes() {
        var tally = SessionTally()
        tally.sessions = 40
        tally.patients = 8
        tally.sessionsWith = [.soreness: 10, .tiredness: 6]
        tally.adverseEvents = 2
        tally.patientsWithTiredness = 2
        tally.patientsWithPainOrBruising = 4
        tally.patientsWithAdverseEvent = 1
        let rates = ClinicAnalytics(courses: [], tally: tally, settings: .standard).rates
        let soreness = rates.first { $0.label == "Soreness" }!
        #expect(soreness.per100Sessions == 25 && soreness.percentOfPatients == 50 && soreness.sourceID == "MacPherson2005")
        let tiredness = rates.first { $0.label == "Tiredness" }!
        #expect(tiredness.per100Sessions == 15 && tiredness.percentOfPatients == 25)
        let adverse = rates.first { $0.label == "Adverse events" }!
        #expect(adverse.per100Sessions == 5 && adverse.percentOfPatients == 12.5 && adverse.sourceID == "Witt2009")
    }

    @Test func noSessionsMeansNoRateRatherThanZero() {
        let analytics = ClinicAnalytics(courses: [], tally: SessionTally(), settings: .standard)
        #expect(analytics.rates.allSatisfy { $0.per100Sessions == nil })
        #expect(analytics.overall.responderRate == nil)
    }

    @Test func csvHasOneRowPerGroupAndDefusesFormulas() {
        let analytics = ClinicAnalytics(courses: [course("lower", "=HYPERLINK(\"x\")", 6, 3)], tally: SessionTally(), settings: .standard)
        let lines = analytics.csv.split(separator: "\r\n").map(String.init)
        #expect(lines[0].hasPrefix("grouping,label,courses,assessed,responders"))
        #expect(lines[1] == "all,\"All courses\",1,1,1,0,0,100.0,3.0,50.0,,,,")
        #expect(lines.contains { $0.hasPrefix("practitioner,\"'=HYPERLINK(\"\"x\"\")\"") })
        #expect(lines.count == 1 + 1 + 1 + 1 + 1 + analytics.rates.count)
    }
}
