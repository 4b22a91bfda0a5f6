import Foundation
import Testing

@testable import AcubackCore

@Suite struct PrescriptionEngineTests {
    let engine = PrescriptionEngine()

    @Test func aChronicLowerBackPlanWithNoRisksIsTheTypicalPlan() throws {
        let plan = try engine.plan(for: Assessment(regions: [.lower], side: .both, levels: [.L4, .L5], onset: .chronic))
        #expect((15...20).contains(plan.needleCount))
        #expect(Set(plan.needles.map(\.role)) == Set(NeedleRole.allCases))
        #expect(plan.position == .prone)
        #expect((10...20).contains(plan.retentionMinutes))
        #expect(plan.protocolName == "Brinkhaus 2006")
        #expect(plan.needles.allSatisfy { !$0.sources.isEmpty && !$0.reason.isEmpty && $0.maxDepthMm > 0 })
        #expect(plan.findings.isEmpty)
        #expect(plan.isUsable)
        let local = plan.needles.filter { $0.role == .local }.map(\.point)
        #expect(local.contains("BL25") && local.contains("BL26") && local.contains("GV3"))
    }

    @Test(arguments: AssessmentMatrix.all)
    func everyRegionSideAndOnsetGivesATypicalPlan(assessment: Assessment) throws {
        let plan = try engine.plan(for: assessment)
        #expect((15...20).contains(plan.needleCount), "\(plan.needleCount) needles")
        #expect(Set(plan.needles.map(\.role)) == Set(NeedleRole.allCases))
        #expect((10...20).contains(plan.retentionMinutes))
        #expect(plan.position == (assessment.regions == [.upper] ? .seated : .prone))
        #expect(!plan.hasUnresolvedBlock, "\(plan.findings.map(\.id))")
        let keys = plan.needles.map(\.key)
        #expect(Set(keys).count == keys.count, "no needle twice")
    }

    @Test(arguments: AssessmentMatrix.all)
    func theSameAssessmentAlwaysGivesTheSamePlan(assessment: Assessment) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let first = try encoder.encode(try engine.plan(for: assessment))
        for _ in 0..<3 {
            #expect(try encoder.encode(try engine.plan(for: assessment)) == first)
        }
    }

    @Test func aBilateralPointCountsAsTwoNeedles() throws {
        let plan = try engine.plan(for: Assessment(regions: [.lower], side: .both, levels: [.L4], onset: .chronic))
        #expect(plan.needles.filter { $0.point == "BL25" }.map(\.side) == [.left, .right])
        #expect(plan.needles.filter { $0.point == "GV3" }.map(\.side) == [.midline])
        #expect(plan.needleCount == plan.needles.count)
    }

    @Test func localPointsSitAtThePainfulLevelsAndAdjacentOnesAroundThem() throws {
        let plan = try engine.plan(for: Assessment(regions: [.middle], side: .right, levels: [.T9, .T10], onset: .chronic))
        let local = Set(plan.needles.filter { $0.role == .local }.map(\.point))
        #expect(local == ["BL18", "BL19"])
        let adjacent = Set(plan.needles.filter { $0.role == .adjacent }.map(\.point))
        #expect(adjacent.isSuperset(of: ["EX-B2-T8", "BL20", "BL47", "BL48"]), "T8 has no bladder point, so Jiaji stands in")
        #expect(plan.needles.filter { $0.point == "BL47" }.map(\.side) == [.right], "the outer line on the painful side only")
    }

    @Test func midlinePainIsTreatedOnTheJiajiLine() throws {
        let plan = try engine.plan(for: Assessment(regions: [.middle], side: .midline, levels: [.T9], onset: .chronic))
        let local = plan.needles.filter { $0.role == .local }
        #expect(Set(local.map(\.point)) == ["EX-B2-T9", "GV8"])
    }

    @Test func acuteLowBackPainAddsMovementNeedlingOnTheHands() throws {
        let plan = try engine.plan(for: Assessment(regions: [.lower], side: .left, levels: [.L3], onset: .acute))
        #expect(plan.needles.filter { $0.point == "EX-UE7" }.count == 4, "two points on each hand")
        #expect(plan.needles.filter { $0.point == "SI3" }.map(\.side) == [.right], "on the side opposite the pain")
        #expect(plan.rationale.contains("movement needling"))
    }

    @Test func painIntoTheLegAddsTheButtockLegAndSciaticEarPoint() throws {
        let plan = try engine.plan(for: Assessment(regions: [.lower], side: .right, levels: [.L5, .S1], radiatesToLeg: true, onset: .chronic))
        #expect(plan.needles.filter { $0.point == "GB30" }.map(\.side) == [.right])
        #expect(plan.needles.contains { $0.point == "GB34" && $0.side == .right })
        #expect(plan.needles.contains { $0.point == "AH6" && $0.side == .right && $0.role == .auricular })
    }

    @Test func withoutPalpatedLevelsTheLowBackFollowsCherkin() throws {
        let plan = try engine.plan(for: Assessment(regions: [.lower], side: .both, onset: .chronic))
        #expect(plan.protocolName == "Cherkin 2009")
        let points = Set(plan.needles.map(\.point))
        #expect(points.isSuperset(of: ["GV3", "BL23", "BL40", "KI3"]))
        #expect(plan.rationale.contains("most tender spot"))
    }

    @Test func theUpperAndMiddleBackUseTheLevelBuiltProtocolAndSayWhy() throws {
        let plan = try engine.plan(for: Assessment(regions: [.upper], side: .both, levels: [.T3], onset: .chronic))
        #expect(plan.protocolName == "Level-built (upper and middle back)")
        #expect(plan.rationale.contains("no trial protocol"))
    }

    @Test func twoRegionsCombineTheirProtocolsWithinALargerBudget() throws {
        let plan = try engine.plan(for: Assessment(regions: [.middle, .lower], side: .both, levels: [.T10, .L4], onset: .chronic))
        #expect(plan.protocolName == "Level-built (upper and middle back) + Brinkhaus 2006")
        #expect(plan.needleCount > 20 && plan.needleCount <= 26)
        #expect(plan.needles.contains { $0.point == "BL19" } && plan.needles.contains { $0.point == "BL25" })
    }

    @Test func needlesAreListedByRole() throws {
        let plan = try engine.plan(for: Assessment(regions: [.lower], side: .both, levels: [.L4], onset: .chronic))
        #expect(plan.needles.map(\.role) == plan.needles.map(\.role).sorted())
    }

    @Test func theJSONHasTheDocumentedFields() throws {
        let plan = try engine.plan(for: Assessment(regions: [.lower], side: .both, levels: [.L4, .L5], onset: .chronic))
        let json = try #require(JSONSerialization.jsonObject(with: JSONEncoder().encode(plan)) as? [String: Any])
        for key in ["needles", "needleCount", "position", "retentionMinutes", "findings", "protocol", "rationale"] {
            #expect(json[key] != nil, "\(key)")
        }
        let needle = try #require((json["needles"] as? [[String: Any]])?.first)
        for key in ["point", "side", "role", "maxDepthMm", "angle", "reason", "sources"] { #expect(needle[key] != nil, "\(key)") }
        #expect(json["protocol"] as? String == "Brinkhaus 2006")
        #expect((json["references"] as? [[String: Any]])?.isEmpty == false)
    }
}

extension Assessment: CustomTestStringConvertible {
    public var testDescription: String {
        "\(regions.map(\.rawValue).joined(separator: "+")) \(side.rawValue) \(onset.rawValue) [\(levels.map(\.rawValue).joined(separator: ","))]"
    }
}
