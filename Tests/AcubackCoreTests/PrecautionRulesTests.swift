import Testing

@testable import AcubackCore

@Suite struct PrecautionRulesTests {
    @Test(arguments: [
        (RiskFactors(faintingHistory: true), "precaution.fainting-history"),
        (RiskFactors(epilepsy: true), "precaution.epilepsy"),
        (RiskFactors(needlePhobia: true), "precaution.needle-phobia"),
    ])
    func eachPrecautionWarnsAndKeepsThePatientLyingDown(patient: RiskFactors, rule: String) throws {
        let result = try plan(.upper(preferred: .seated, patient: patient))
        #expect(result.finding(rule)?.severity == .warn)
        #expect(result.position != .seated)
        #expect(result.finding("position.changed") != nil)
    }

    @Test func withoutPrecautionsNothingIsReported() throws {
        let result = try plan(.upper(preferred: .seated))
        #expect(result.findings.filter { $0.rule.hasPrefix("precaution.") }.isEmpty)
        #expect(result.position == .seated)
    }
}
