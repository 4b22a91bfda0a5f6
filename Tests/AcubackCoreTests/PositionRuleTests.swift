import Testing

@testable import AcubackCore

@Suite struct PositionRuleTests {
    @Test func proneByDefault() {
        #expect(PositionRule.choose(for: .lower()).position == .prone)
    }

    @Test func seatedSuitsTheUpperBackAlone() {
        #expect(PositionRule.choose(for: .upper()).position == .seated)
    }

    @Test func aPatientWhoCannotLieProneLiesOnTheSideOrSitsForTheUpperBack() {
        #expect(PositionRule.choose(for: .lower(patient: RiskFactors(cannotLieProne: true))).position == .sideLying)
        #expect(PositionRule.choose(for: .upper(patient: RiskFactors(cannotLieProne: true))).position == .seated)
    }

    @Test func neverSeatedWithAHistoryOfFainting() {
        let outcome = PositionRule.choose(for: .lower(preferred: .seated, patient: RiskFactors(faintingHistory: true, cannotLieProne: true)))
        #expect(outcome.position == .sideLying)
        #expect(outcome.findings.contains { $0.rule == "position.changed" && $0.message.contains("fainting") })
    }

    @Test func afterTheFirstTrimesterNotProne() {
        let second = PositionRule.choose(for: .lower(patient: RiskFactors(pregnancyWeek: 20)))
        #expect(second.position != .prone)
        #expect(second.findings.contains { $0.rule == "pregnancy.position" })
        let first = PositionRule.choose(for: .lower(patient: RiskFactors(pregnancyWeek: 10)))
        #expect(first.position == .prone)
        #expect(first.findings.isEmpty)
    }

    @Test func aSafePreferenceIsFollowed() {
        #expect(PositionRule.choose(for: .lower(preferred: .sideLying)).position == .sideLying)
        #expect(PositionRule.choose(for: .lower(preferred: .seated)).position == .seated)
    }
}
