import Testing

@testable import AcubackCore

@Suite struct BleedingRuleTests {
    @Test func aSevereBleedingDisorderBlocksNeedling() throws {
        let result = try plan(.lower(patient: RiskFactors(bleedingDisorder: .severe)))
        let block = try #require(result.finding("bleeding.severe-disorder"))
        #expect(block.isUnresolvedBlock)
        #expect(!result.isUsable)
        let acknowledged = try plan(.lower(patient: RiskFactors(bleedingDisorder: .severe)), acknowledged: ["bleeding.severe-disorder"])
        #expect(!acknowledged.isUsable, "a block cannot be acknowledged away")
    }

    @Test func aMildDisorderOrAnticoagulantsWarn() throws {
        let mild = try plan(.lower(patient: RiskFactors(bleedingDisorder: .mild)))
        #expect(mild.finding("bleeding.mild-disorder")?.severity == .warn)
        let thinned = try plan(.lower(patient: RiskFactors(anticoagulants: true)))
        let warning = try #require(thinned.finding("bleeding.anticoagulants"))
        #expect(warning.severity == .warn && warning.source == "McCulloch2015")
        #expect(!thinned.isUsable)
        #expect(try plan(.lower(patient: RiskFactors(anticoagulants: true)), acknowledged: ["bleeding.anticoagulants"]).isUsable)
    }

    @Test func noBleedingRiskNoFinding() throws {
        let result = try plan(.lower())
        #expect(result.findings.filter { $0.rule.hasPrefix("bleeding.") }.isEmpty)
    }
}
