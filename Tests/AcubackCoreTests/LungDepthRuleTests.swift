import Testing

@testable import AcubackCore

@Suite struct LungDepthRuleTests {
    @Test func pointsOverTheLungAreCappedAndAngledWithAWarning() throws {
        let result = try plan(.upper())
        for needle in result.needles where PointCatalogue.standard.point(needle.point)?.needling?.lies(in: .lung) == true {
            #expect(needle.maxDepthMm <= 15, "\(needle.point)")
        }
        let bl13 = try #require(result.finding("lung.depth-cap:BL13"))
        #expect(bl13.severity == .warn && bl13.source == "Lin2013")
        #expect(bl13.message.contains("15 mm") || bl13.message.contains("no deeper than"))
        #expect(result.needles(at: "BL13").allSatisfy { $0.angle == .obliqueMedial })
    }

    @Test func theLowBackHasNoLungFinding() throws {
        #expect(try plan(.lower()).findings(rule: "lung.depth-cap").isEmpty)
    }

    @Test(arguments: [
        RiskFactors(lungDisease: true), RiskFactors(thoracicSurgery: true), RiskFactors(bmi: 17.0),
    ])
    func raisedRiskCapsHarder(patient: RiskFactors) throws {
        let normal = try plan(.upper(patient: RiskFactors(bmi: 24)))
        var patient = patient
        patient.bmi = patient.bmi ?? 24
        let risky = try plan(.upper(patient: patient))
        let normalDepth = try #require(normal.needles(at: "BL13").first).maxDepthMm
        let riskyDepth = try #require(risky.needles(at: "BL13").first).maxDepthMm
        #expect(riskyDepth < normalDepth)
        #expect(riskyDepth == 10)
        #expect(risky.finding("lung.depth-cap:BL13")?.message.contains("Capped harder") == true)
    }

    @Test func aNormalBMIDoesNotRaiseTheRisk() throws {
        let result = try plan(.upper(patient: RiskFactors(bmi: 24)))
        #expect(result.needles(at: "BL13").first?.maxDepthMm == 15)
    }

    @Test func aMissingBMICountsAsLowAndSaysSo() throws {
        let unknown = try plan(.upper())
        #expect(unknown.needles(at: "BL13").first?.maxDepthMm == 10)
        #expect(unknown.finding("lung.depth-cap:BL13")?.message.contains("BMI not yet recorded") == true)
    }

    @Test func gb21HasItsOwnStricterCap() throws {
        let add = [PlanEdit(action: .add, point: "GB21", side: .left)]
        let normal = try plan(.upper(patient: RiskFactors(bmi: 24)), edits: add)
        #expect(normal.finding("lung.gb21-depth-cap:GB21")?.source == "Chen2018")
        #expect(normal.needles(at: "GB21").first?.maxDepthMm == 10)
        // The needle points the way its finding says: backwards, never down into the chest.
        #expect(normal.needles(at: "GB21").first?.angle == .obliquePosterior)
        #expect(normal.finding("lung.gb21-depth-cap:GB21")?.message.contains("pointing backwards") == true)
        let slim = try plan(.upper(patient: RiskFactors(bmi: 17)), edits: add)
        #expect(slim.needles(at: "GB21").first?.maxDepthMm == 6)
    }

    @Test func aPractitionerDepthBeyondTheCapBlocksThePlan() throws {
        let deep = try plan(.upper(patient: RiskFactors(bmi: 24)), edits: [PlanEdit(action: .changeDepth, point: "BL13", side: .left, depthMm: 25)])
        let block = try #require(deep.finding("edit.depth-over-cap:BL13"))
        #expect(block.isUnresolvedBlock)
        #expect(!deep.isUsable)
        #expect(deep.needles.first { $0.point == "BL13" && $0.side == .left }?.maxDepthMm == 25, "kept as given")
        let shallow = try plan(.upper(patient: RiskFactors(bmi: 24)), edits: [PlanEdit(action: .changeDepth, point: "BL13", side: .left, depthMm: 12)])
        #expect(shallow.finding("edit.depth-over-cap:BL13") == nil)
    }
}
