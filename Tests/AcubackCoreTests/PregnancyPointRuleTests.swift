import Testing

@testable import AcubackCore

@Suite struct PregnancyPointRuleTests {
    let pregnant = RiskFactors(pregnancyWeek: 20)

    @Test func aForbiddenPointIsReplacedBySafeAlternative() throws {
        let result = try plan(.lower(onset: .subacute, patient: pregnant))
        #expect(!result.points.contains("BL60"))
        let finding = try #require(result.finding("pregnancy.forbidden-point:BL60"))
        #expect(finding.severity == .block)
        #expect(finding.resolution == "replaced by KI3")
        #expect(finding.source == "Betts2011")
        #expect(result.needles(at: "KI3").map(\.side) == [.left, .right])
        #expect(!result.hasUnresolvedBlock)
    }

    @Test func withoutPregnancyTheSamePointStays() throws {
        let result = try plan(.lower(onset: .subacute))
        #expect(result.needles(at: "BL60").count == 2)
        #expect(result.findings(rule: "pregnancy.forbidden-point").isEmpty)
    }

    @Test func aForbiddenPointAddedByHandBlocksThePlan() throws {
        let result = try plan(.lower(patient: pregnant), edits: [PlanEdit(action: .add, point: "LI4", side: .left)])
        let block = try #require(result.finding("edit.blocked-point:LI4"))
        #expect(block.isUnresolvedBlock)
        #expect(!result.isUsable)
        #expect(!(try plan(.lower(patient: pregnant), edits: [PlanEdit(action: .add, point: "LI4", side: .left)], acknowledged: result.findings.map(\.id))).isUsable)
        let notPregnant = try plan(.lower(), edits: [PlanEdit(action: .add, point: "LI4", side: .left)])
        #expect(notPregnant.finding("edit.blocked-point:LI4") == nil)
    }

    @Test func lumbosacralPointsAreNeededWithCautionInPregnancyOnly() throws {
        let result = try plan(.lower(patient: pregnant))
        let cautions = result.findings(rule: "pregnancy.caution-point")
        #expect(cautions.contains { $0.point == "BL25" } && cautions.contains { $0.point == "GV3" })
        #expect(cautions.allSatisfy { $0.severity == .warn })
        #expect(try plan(.lower()).findings(rule: "pregnancy.caution-point").isEmpty)
    }

    @Test func gb21IsACautionPointInPregnancy() throws {
        let result = try plan(.upper(patient: pregnant), edits: [PlanEdit(action: .add, point: "GB21", side: .left)])
        #expect(result.finding("pregnancy.caution-point:GB21")?.severity == .warn)
    }
}
