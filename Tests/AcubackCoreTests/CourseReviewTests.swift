import Testing

@testable import AcubackCore

@Suite struct CourseReviewTests {
    func review(_ before: Int, _ after: Int, session: Int = 10, extended: Bool = false, settings: OutcomeSettings = .standard) throws -> CourseReview {
        try CourseReview.review(
            baseline: OutcomeMeasures(painAverageWeek: before), current: OutcomeMeasures(painAverageWeek: after),
            afterSession: session, regimen: .gerac, alreadyExtended: extended, settings: settings)
    }

    @Test func workedExamplesAtTheEndOfACourse() throws {
        // 6 → 4: 2 points, 33 % less pain: meets both parts of the important difference.
        let clear = try review(6, 4)
        #expect(clear.category == .responder && clear.recommendation == .completeCourse)
        #expect(clear.change.points == 2 && abs(clear.change.percent! - 33.33) < 0.01)
        // 3 → 2: one point, but 33 %: important by the percentage alone.
        #expect(try review(3, 2).category == .responder)
        // 9 → 7: 22 %, but two points: important by the points alone.
        #expect(try review(9, 7).category == .responder)
        // 10 → 9: 10 % and one point: a partial response, offered five more sessions.
        let partial = try review(10, 9)
        #expect(partial.category == .partial && partial.recommendation == .offerExtension)
        // 8 → 8 and 5 → 6: no change or worse.
        #expect(try review(8, 8).category == .nonResponder)
        let worse = try review(5, 6)
        #expect(worse.category == .nonResponder && worse.recommendation == .reviewOrRefer && worse.change.points == -1)
    }

    @Test func interimReviewsKeepTheCourseGoingUnlessNothingHelps() throws {
        #expect(try review(6, 3, session: 5).recommendation == .continueCourse)
        #expect(try review(10, 9, session: 5).recommendation == .continueCourse)
        #expect(try review(6, 6, session: 5).recommendation == .reviewOrRefer)
        #expect(try review(6, 3, session: 5).isFinal == false)
    }

    @Test func aSecondPartialResponseIsNotExtendedAgain() throws {
        #expect(try review(10, 9, extended: true).recommendation == .reviewOrRefer)
    }

    @Test func theClinicSetsTheImportantDifference() throws {
        let strict = OutcomeSettings(importantPercent: 50, importantPoints: 3)
        #expect(try review(6, 4, settings: strict).category == .partial)
        #expect(try review(6, 3, settings: strict).category == .responder)
    }

    @Test func averageOfTheWeekIsPreferredOverPainNow() throws {
        let result = try CourseReview.review(
            baseline: OutcomeMeasures(painNow: 7, painAverageWeek: 6), current: OutcomeMeasures(painNow: 7, painAverageWeek: 3),
            afterSession: 5, regimen: .gerac)
        #expect(result.change.scale == .averageWeek && result.category == .responder)
        let onlyNow = try CourseReview.review(
            baseline: OutcomeMeasures(painNow: 7, painAverageWeek: 6), current: OutcomeMeasures(painNow: 7), afterSession: 5, regimen: .gerac)
        #expect(onlyNow.change.scale == .now && onlyNow.category == .nonResponder)
    }

    @Test func aReviewNeedsABaselineWithPain() {
        #expect(throws: ValidationError(field: "baseline", rule: "the course has no baseline measures; record pain before the first session")) {
            try CourseReview.review(baseline: nil, current: OutcomeMeasures(painNow: 3), afterSession: 5, regimen: .gerac)
        }
        #expect(throws: ValidationError.self) {
            try CourseReview.review(baseline: OutcomeMeasures(painNow: 0), current: OutcomeMeasures(painNow: 0), afterSession: 5, regimen: .gerac)
        }
        #expect(throws: ValidationError.self) {
            try CourseReview.review(baseline: OutcomeMeasures(painWorst: 8), current: OutcomeMeasures(painNow: 3), afterSession: 5, regimen: .gerac)
        }
    }
}
