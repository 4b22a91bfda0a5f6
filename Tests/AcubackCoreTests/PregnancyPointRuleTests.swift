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

    @Test func lumbosacralPointsCarryACautionBeforeWeek13AndAreLeftOutFromIt() throws {
        let early = try plan(.lower(patient: RiskFactors(pregnancyWeek: 10)))
        let cautions = early.findings(rule: "pregnancy.caution-point")
        #expect(cautions.contains { $0.point == "BL25" } && cautions.contains { $0.point == "GV3" })
        #expect(cautions.allSatisfy { $0.severity == .warn })
        #expect(try plan(.lower()).findings(rule: "pregnancy.caution-point").isEmpty)

        let later = try plan(.lower(patient: pregnant))
        let lumbosacral = Set(PointCatalogue.standard.points.filter { $0.needling?.lies(in: .lumbosacral) == true }.map(\.code))
        #expect(later.needles.allSatisfy { !lumbosacral.contains($0.point) }, "no lumbosacral point from week 13: \(later.points)")
        #expect(!later.findings(rule: "pregnancy.lumbosacral-from-week-13").isEmpty)
        #expect(!later.hasUnresolvedBlock)
    }

    @Test(arguments: ["GB21", "BL31", "BL32", "BL33", "BL34", "LI4", "SP6", "BL60", "BL67"])
    func pointsForbiddenThroughoutArePlannedAtNoStage(code: String) throws {
        for week in [6, 20, 38] {
            let result = try plan(.lower(patient: RiskFactors(pregnancyWeek: week)), edits: [PlanEdit(action: .add, point: code, side: .left)])
            #expect(result.finding("edit.blocked-point:\(code)")?.isUnresolvedBlock == true, "week \(week)")
        }
    }
}
