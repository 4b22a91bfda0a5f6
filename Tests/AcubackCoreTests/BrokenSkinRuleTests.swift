import Testing

@testable import AcubackCore

@Suite struct BrokenSkinRuleTests {
    @Test func noNeedleGoesThroughBrokenSkinOnTheBack() throws {
        let result = try plan(.lower(.left, levels: [.L2, .L3], patient: RiskFactors(brokenSkinRegions: [.lowerBack])))
        let catalogue = PointCatalogue.standard
        #expect(result.needles.allSatisfy { catalogue.point($0.point)?.needling?.area != .lowerBack })
        let finding = try #require(result.finding("skin.broken:BL23"))
        #expect(finding.severity == .block && finding.resolution == "left out; no safe alternative")
        #expect(result.needles.contains { $0.role == .distal }, "distal and ear points remain")
    }

    @Test func aLegWithBrokenSkinLosesOnlyItsOwnSide() throws {
        let result = try plan(.lower(patient: RiskFactors(brokenSkinRegions: [.leftLeg])))
        #expect(result.needles(at: "BL40").map(\.side) == [.right])
        #expect(result.finding("skin.broken:BL40") != nil)
    }

    @Test func intactSkinBlocksNothing() throws {
        #expect(try plan(.lower()).findings(rule: "skin.broken").isEmpty)
    }
}
