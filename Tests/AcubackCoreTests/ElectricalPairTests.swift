import Foundation
import Testing

@testable import AcubackCore

/// Electroacupuncture pairs (CLINICAL.md §5): each rule with its own example, the settings checked,
/// and the pair recorded on the ledger and reported in STRICTA 2e.
@Suite struct ElectricalPairTests {
    func chair(_ patient: RiskFactors, electroacupuncture: Bool = true) -> ChairSafetyCheck {
        ChairSafetyCheck(engine: SafetyEngine(patient: patient), planned: [], planAllowsElectroacupuncture: electroacupuncture)
    }

    func pair(_ first: NeedleKey, _ second: NeedleKey, hz: Double = 2, minutes: Int = 20) -> ElectricalPair {
        ElectricalPair(first: first, second: second, frequencyHz: hz, waveform: .denseDisperse, intensityMa: nil, durationMinutes: minutes, at: Date())
    }

    let bl25Left = NeedleKey(point: "BL25", side: .left)
    let bl40Left = NeedleKey(point: "BL40", side: .left)
    let healthy = RiskFactors(bmi: 24)

    func rule(_ check: ChairSafetyCheck, _ pair: ElectricalPair) -> String? {
        do {
            try check.check(pair)
            return nil
        } catch {
            return error.rules.first
        }
    }

    @Test func aPairOnOneSideOfTheLowBackIsAllowed() {
        #expect(rule(chair(healthy), pair(bl25Left, bl40Left)) == nil)
    }

    @Test func eachRuleRefusesWithItsOwnId() {
        #expect(rule(chair(RiskFactors(implantedDevice: true, bmi: 24)), pair(bl25Left, bl40Left)) == ChairSafetyCheck.electricalRule)
        #expect(rule(chair(RiskFactors(bmi: 24, epilepsy: true)), pair(bl25Left, bl40Left)) == ChairSafetyCheck.electricalRule)
        #expect(rule(chair(healthy, electroacupuncture: false), pair(bl25Left, bl40Left)) == ChairSafetyCheck.electricalRule)
        #expect(rule(chair(healthy), pair(bl25Left, NeedleKey(point: "BL40", side: .right))) == ChairSafetyCheck.pairSideRule)
        #expect(rule(chair(healthy), pair(NeedleKey(point: "BL13", side: .left), bl25Left)) == ChairSafetyCheck.pairChestRule)
        let chest = NeedleKey(at: BodyLocation(area: .middleBack, level: .T9, side: .left, note: "tender below the scapula"))
        #expect(rule(chair(healthy), pair(chest, bl25Left)) == ChairSafetyCheck.pairChestRule)
        #expect(rule(chair(healthy), pair(NeedleKey(point: "GV20", side: .midline), NeedleKey(point: "GV14", side: .midline))) != nil)
        #expect(rule(chair(RiskFactors(pregnancyWeek: 8, bmi: 24)), pair(bl25Left, bl40Left)) == ChairSafetyCheck.pairPregnancyRule)
        #expect(rule(chair(RiskFactors(bmi: 24, brokenSkinRegions: [.leftLeg])), pair(bl25Left, bl40Left)) == ChairSafetyCheck.pairSkinRule)
        #expect(rule(chair(RiskFactors(bmi: 24, metalImplantRegions: [.leftLeg])), pair(bl25Left, bl40Left)) == ChairSafetyCheck.pairImplantRule)
        // A metal implant is no reason against a needle, only against current through it.
        let needle = Insertion(key: bl40Left, at: Date(), depthMm: 10, needleType: "0.30 × 40 mm", stimulation: .manual, deQi: true)
        #expect((try? chair(RiskFactors(bmi: 24, metalImplantRegions: [.leftLeg])).check(needle, overrideReason: nil)) != nil)
    }

    @Test func theSettingsAreChecked() {
        #expect(throws: ValidationError.self) { try pair(bl25Left, bl25Left).validate() }
        #expect(throws: ValidationError.self) { try pair(bl25Left, bl40Left, hz: 500).validate() }
        #expect(throws: ValidationError.self) { try pair(bl25Left, bl40Left, minutes: 0).validate() }
        #expect(throws: Never.self) { try pair(bl25Left, bl40Left).validate() }
    }

    @Test func aPairNeedsBothNeedlesInAndIsReported() throws {
        var session = ChairSession(planned: [], timer: RetentionTimer(targetMinutes: 20))
        #expect(throws: LedgerError.notIn(bl25Left)) { try session.record(.stimulated(pair(bl25Left, bl40Left))) }
        for key in [bl25Left, bl40Left] {
            try session.record(.inserted(Insertion(key: key, at: Date(), depthMm: 10, needleType: "0.30 × 40 mm", stimulation: .electrical, deQi: true)))
        }
        try session.record(.stimulated(pair(bl25Left, bl40Left)))
        let needling = StrictaNeedling(session: session)
        #expect(needling.electricalPairs == ["BL25 left – BL40 left, 2 Hz denseDisperse, as tolerated, 20 min"])
    }

    @Test func thePlanTurnsElectroacupunctureOffForADeviceOrEpilepsy() throws {
        for patient in [RiskFactors(implantedDevice: true, bmi: 24), RiskFactors(bmi: 24, epilepsy: true)] {
            let result = try PrescriptionEngine().plan(for: Assessment(regions: [.lower], side: .both, onset: .chronic, electroacupuncture: true, patient: patient))
            #expect(!result.electroacupuncture)
            #expect(result.findings.contains { $0.resolution?.hasPrefix("electroacupuncture switched off") == true })
        }
        #expect(try PrescriptionEngine().plan(for: Assessment(regions: [.lower], side: .both, onset: .chronic, electroacupuncture: true, patient: healthy)).electroacupuncture)
    }

    /// The plan says where its pairs may go, as the chair will enforce it.
    @Test func thePlanStatesWherePairsMayGoForThisPatient() throws {
        let patient = RiskFactors(pregnancyWeek: 10, bmi: 24, brokenSkinRegions: [.leftLeg], metalImplantRegions: [.rightHand])
        let plan = try PrescriptionEngine().plan(for: Assessment(regions: [.lower], side: .both, onset: .chronic, electroacupuncture: true, patient: patient))
        let limits = try #require(plan.findings.first { $0.rule == "electroacupuncture.limits" })
        #expect(limits.message.contains("one side") && limits.message.contains("chest wall"))
        #expect(limits.message.contains("lumbosacral region or the abdomen (pregnancy, week 10)"))
        #expect(limits.message.contains("broken skin (leftLeg)") && limits.message.contains("metal implant (rightHand)"))
        #expect(limits.source == "Cummings2011")
        let plain = try PrescriptionEngine().plan(for: Assessment(regions: [.lower], side: .both, onset: .chronic, electroacupuncture: true, patient: healthy))
        #expect(try #require(plain.findings.first { $0.rule == "electroacupuncture.limits" }).message.contains("pregnancy") == false)
        let without = try PrescriptionEngine().plan(for: Assessment(regions: [.lower], side: .both, onset: .chronic, patient: patient))
        #expect(!without.findings.contains { $0.rule == "electroacupuncture.limits" })
    }
}
