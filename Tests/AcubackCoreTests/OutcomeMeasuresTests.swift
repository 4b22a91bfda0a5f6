import Testing

@testable import AcubackCore

@Suite struct OutcomeMeasuresTests {
    @Test func functionScoreIsTheMeanOfTheActivities() {
        // Worked example: bending 3, sitting an hour 5, lifting a child 4 → 12 / 3 = 4.0.
        let measures = OutcomeMeasures(function: [
            FunctionActivity(activity: "bending to put on socks", score: 3),
            FunctionActivity(activity: "sitting for an hour", score: 5),
            FunctionActivity(activity: "lifting my child", score: 4),
        ])
        #expect(measures.functionScore == 4.0)
        #expect(OutcomeMeasures(function: []).functionScore == nil)
    }

    @Test func everyRangeIsCheckedAndNamed() {
        let measures = OutcomeMeasures(
            painNow: 11, painAverageWeek: -1, painWorst: 10,
            function: [FunctionActivity(activity: " ", score: 12)],
            fingertipToFloorCm: 95, schoberCm: -2, swellingGrade: 4)
        var fields: [String] = []
        do {
            try measures.validate(enabled: [])
        } catch {
            fields = error.errors.map(\.field)
        }
        #expect(fields == ["painNow", "painAverageWeek", "function[0].activity", "function[0].score", "fingertipToFloorCm", "schoberCm", "swellingGrade"])
    }

    @Test func questionnairesNeedTheClinicToEnableThem() throws {
        let measures = OutcomeMeasures(rolandMorris: 12, oswestry: 40)
        #expect(throws: ValidationError([
            FieldError(field: "rolandMorris", rule: "is not enabled by this clinic (the clinic's owner enables licensed questionnaires)"),
            FieldError(field: "oswestry", rule: "is not enabled by this clinic (the clinic's owner enables licensed questionnaires)"),
        ])) { try measures.validate(enabled: []) }
        try measures.validate(enabled: [.rolandMorris, .oswestry])
        #expect(throws: ValidationError(field: "rolandMorris", rule: "must be from 0 to 24")) {
            try OutcomeMeasures(rolandMorris: 25).validate(enabled: [.rolandMorris])
        }
    }

    @Test func anEmptySetIsRefused() {
        #expect(throws: ValidationError(field: "measures", rule: "must hold at least one measure")) {
            try OutcomeMeasures().validate(enabled: [])
        }
    }

    @Test func afterEffectsOfACheckIn() {
        #expect(CheckIn(soreness: 0).afterEffects.isEmpty)
        #expect(CheckIn(soreness: 3, tiredness: true, neededSleep: true).afterEffects == [.soreness, .tiredness, .neededSleep])
        #expect(CheckIn(soreness: 0, bruising: true, other: "  headache ").afterEffects == [.bruising, .other])
    }
}
