import Testing

@testable import AcubackCore

@Suite struct RetentionRuleTests {
    @Test func twentyMinutesAsInTheTrials() {
        #expect(RetentionRule.minutes(for: .lower()) == 20)
    }

    @Test(arguments: [RiskFactors(faintingHistory: true), RiskFactors(needlePhobia: true)])
    func shorterForAPatientWhoFaintsOrFearsNeedles(patient: RiskFactors) {
        #expect(RetentionRule.minutes(for: .lower(patient: patient)) == 10)
    }

    @Test(arguments: [
        RiskFactors.none, RiskFactors(pregnancyWeek: 30), RiskFactors(faintingHistory: true, needlePhobia: true, epilepsy: true),
    ])
    func alwaysBetweenTenAndTwenty(patient: RiskFactors) {
        #expect(RetentionRule.range.contains(RetentionRule.minutes(for: .lower(patient: patient))))
    }
}
