import Testing

@testable import AcubackCore

@Suite struct KidneyDepthRuleTests {
    @Test func bl52IsCappedOverTheKidney() throws {
        let result = try plan(.lower(levels: [.L2]))
        #expect(result.needles(at: "BL52").allSatisfy { $0.maxDepthMm <= 20 })
        #expect(result.finding("kidney.depth-cap:BL52")?.severity == .warn)
    }

    @Test func aSlimPatientGetsALowerCap() throws {
        let result = try plan(.lower(levels: [.L2], patient: RiskFactors(bmi: 17.5)))
        #expect(result.needles(at: "BL52").allSatisfy { $0.maxDepthMm == 15 })
    }

    @Test func otherLumbarPointsAreNotCapped() throws {
        let result = try plan(.lower(levels: [.L2]))
        #expect(result.needles(at: "BL23").allSatisfy { $0.maxDepthMm == 26 })
        #expect(result.finding("kidney.depth-cap:BL23") == nil)
    }
}
