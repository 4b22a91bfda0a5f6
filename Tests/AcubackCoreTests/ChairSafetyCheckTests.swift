import Foundation
import Testing

@testable import AcubackCore

/// Each defect the issue found at the chair, as its own example: the same rules as the plan, for
/// every needle (planned, another catalogue point, a tender point placed on the chart).
@Suite struct ChairSafetyCheckTests {
    func check(_ patient: RiskFactors, planned: [PlannedNeedle] = [], electroacupuncture: Bool = false) -> ChairSafetyCheck {
        ChairSafetyCheck(
            engine: SafetyEngine(assessment: Assessment(regions: [.lower], side: .both, onset: .chronic, patient: patient)),
            planned: planned, planAllowsElectroacupuncture: electroacupuncture)
    }

    func insertion(_ key: NeedleKey, depth: Int, stimulation: Stimulation = .manual) -> Insertion {
        Insertion(key: key, at: Date(), depthMm: depth, needleType: "0.25 × 40 mm", stimulation: stimulation, deQi: true)
    }

    let pregnant = RiskFactors(pregnancyWeek: 20, bmi: 24)

    @Test(arguments: ["LI4", "SP6"])
    func aForbiddenPointInPregnancyNeedsAReasonAndThenCarriesIt(code: String) throws {
        let chair = check(pregnant)
        let key = NeedleKey(point: code, side: .left)
        #expect(throws: NeedleRefusal.self) { try chair.check(insertion(key, depth: 5), overrideReason: nil) }
        do { _ = try chair.check(insertion(key, depth: 5), overrideReason: "  ") } catch { #expect(error.field == "overrideReason") }
        let decision = try chair.check(insertion(key, depth: 5), overrideReason: "Labour induction at 41 weeks, agreed with the midwife")
        #expect(decision.overridden == ["pregnancy.forbidden-point:\(code)"])
        // Without pregnancy there is nothing to override, and a reason is refused rather than kept.
        #expect(throws: NeedleRefusal.nothingToOverride) { try check(RiskFactors(bmi: 24)).check(insertion(key, depth: 5), overrideReason: "because") }
    }

    @Test func bl13InASlimPatientIsCappedAtTheDepthThePlanWouldUse() throws {
        let chair = check(RiskFactors(bmi: 17))
        let key = NeedleKey(point: "BL13", side: .left)
        #expect(throws: NeedleRefusal.tooDeep(depthMm: 15, capMm: 10, rule: "lung.depth-cap")) {
            try chair.check(insertion(key, depth: 15), overrideReason: nil)
        }
        #expect(try chair.check(insertion(key, depth: 10), overrideReason: nil).capMm == 10)
        // A reason never lifts a depth cap.
        #expect(throws: NeedleRefusal.self) { try chair.check(insertion(key, depth: 15), overrideReason: "experienced") }
    }

    @Test func aTenderPointOverTheThoraxIsCappedAsTheLungZoneIs() throws {
        let chair = check(RiskFactors(bmi: 24))
        let thorax = NeedleKey(at: BodyLocation(area: .upperBack, level: .T4, side: .right, note: "tender at the scapula's edge"))
        #expect(throws: NeedleRefusal.self) { try chair.check(insertion(thorax, depth: 100), overrideReason: nil) }
        #expect(try chair.check(insertion(thorax, depth: 15), overrideReason: nil).capMm == 15)
        let kidney = NeedleKey(at: BodyLocation(area: .lowerBack, level: .L2, side: .left, note: "beside L2"))
        #expect(try chair.check(insertion(kidney, depth: 20), overrideReason: nil).capMm == 20)
        #expect(throws: NeedleRefusal.self) { try chair.check(insertion(kidney, depth: 21), overrideReason: nil) }
    }

    @Test func aTenderPointOnBrokenSkinIsRefusedAndCannotBeOverridden() {
        let chair = check(RiskFactors(bmi: 24, brokenSkinRegions: [.lowerBack]))
        let key = NeedleKey(at: BodyLocation(area: .lowerBack, level: .L4, side: .left, note: "beside L4"))
        #expect(throws: NeedleRefusal.self) { try chair.check(insertion(key, depth: 10), overrideReason: "it is fine") }
    }

    @Test func strongStimulationIsRefusedInPregnancyAndWithBleedingRiskAndTheRuleIsNamed() throws {
        let key = NeedleKey(point: "BL40", side: .left)
        let cases: [(RiskFactors, String)] = [
            (RiskFactors(pregnancyWeek: 8, bmi: 24), "pregnancy.no-strong-stimulation"),
            (RiskFactors(anticoagulants: true, bmi: 24), "bleeding.no-strong-stimulation"),
            (RiskFactors(bleedingDisorder: .mild, bmi: 24), "bleeding.no-strong-stimulation"),
        ]
        for (patient, rule) in cases {
            do {
                _ = try check(patient).check(insertion(key, depth: 5, stimulation: .strong), overrideReason: nil)
                Issue.record("strong stimulation passed for \(patient)")
            } catch {
                #expect(error.rules == [rule] && error.field == "stimulation")
            }
            // Gentle stimulation at the same point is fine, and a reason does not lift the limit.
            #expect(try check(patient).check(insertion(key, depth: 5), overrideReason: nil).capMm >= 5)
            #expect(throws: NeedleRefusal.self) { try check(patient).check(insertion(key, depth: 5, stimulation: .strong), overrideReason: "asked for it") }
        }
        #expect(try check(RiskFactors(bmi: 24)).check(insertion(key, depth: 5, stimulation: .strong), overrideReason: nil).overridden.isEmpty)
    }

    @Test func thePlanSaysGentleStimulationOnlyWhenTheChairWillRefuseStrong() throws {
        let pregnantPlan = try PrescriptionEngine().plan(for: Assessment(regions: [.lower], side: .both, onset: .chronic, patient: pregnant))
        #expect(pregnantPlan.findings.contains { $0.rule == "pregnancy.no-strong-stimulation" && $0.resolution != nil })
        let plain = try PrescriptionEngine().plan(for: Assessment(regions: [.lower], side: .both, onset: .chronic, patient: RiskFactors(bmi: 24)))
        #expect(!plain.findings.contains { $0.rule.hasSuffix("no-strong-stimulation") })
    }

    @Test func electricalStimulationOnlyWhereThePlanAndThePatientAllowIt() throws {
        let key = NeedleKey(point: "BL25", side: .left)
        #expect(throws: NeedleRefusal.self) {
            try check(RiskFactors(implantedDevice: true, bmi: 24), electroacupuncture: false).check(insertion(key, depth: 20, stimulation: .electrical), overrideReason: nil)
        }
        #expect(throws: NeedleRefusal.self) {
            try check(RiskFactors(bmi: 24), electroacupuncture: false).check(insertion(key, depth: 20, stimulation: .electrical), overrideReason: nil)
        }
        #expect(try check(RiskFactors(bmi: 24), electroacupuncture: true).check(insertion(key, depth: 20, stimulation: .electrical), overrideReason: nil).capMm > 0)
        #expect(throws: NeedleRefusal.self) {
            try check(RiskFactors(pregnancyWeek: 8, bmi: 24), electroacupuncture: true).check(insertion(key, depth: 10, stimulation: .electrical), overrideReason: nil)
        }
    }

    @Test func thePregnancyWeekIsWorkedOutForTheDay() throws {
        let recorded = try #require(CalendarDay("2026-03-02"))
        let risks = RiskFactors(pregnancyWeek: 10, pregnancyRecordedOn: recorded)
        #expect(risks.on(recorded.adding(days: 6)).pregnancyWeek == 10)
        #expect(risks.on(recorded.adding(days: 21)).pregnancyWeek == 13)
        #expect(risks.on(recorded.adding(days: 7 * 33)).pregnancyWeek == nil, "past week 42 the pregnancy is over")
        // Week 10 then: BL25 is a caution; three weeks on it is left out unless overridden.
        let key = NeedleKey(point: "BL25", side: .left)
        let then = check(risks.on(recorded))
        #expect(try then.check(insertion(key, depth: 10), overrideReason: nil).overridden.isEmpty)
        let later = check(risks.on(recorded.adding(days: 21)))
        #expect(throws: NeedleRefusal.self) { try later.check(insertion(key, depth: 10), overrideReason: nil) }
    }

    /// CLINICAL.md §5: the lower abdomen is avoided from week 13 (an override with a reason, as for
    /// the lumbosacral points), needled with caution before, and never in an electrical current's
    /// path in pregnancy.
    @Test func aTenderPointOnTheLowerAbdomenFollowsThePregnancyRules() throws {
        let belly = NeedleKey(at: BodyLocation(area: .lowerAbdomen, side: .left, note: "tender left of the navel"))
        let week20 = check(RiskFactors(pregnancyWeek: 20, bmi: 24), electroacupuncture: true)
        do {
            _ = try week20.check(insertion(belly, depth: 5), overrideReason: nil)
            Issue.record("the lower abdomen passed at week 20")
        } catch {
            #expect(error.rules == ["pregnancy.lower-abdomen-from-week-13"] && error.field == "overrideReason")
        }
        #expect(try week20.check(insertion(belly, depth: 5), overrideReason: "Agreed with the midwife").overridden == ["pregnancy.lower-abdomen-from-week-13"])
        let week8 = check(RiskFactors(pregnancyWeek: 8, bmi: 24), electroacupuncture: true)
        let early = try week8.check(insertion(belly, depth: 5), overrideReason: nil)
        #expect(early.warnings.contains { $0.rule == "pregnancy.caution-point" })
        #expect(throws: NeedleRefusal.self) { try week8.check(insertion(belly, depth: 5, stimulation: .electrical), overrideReason: nil) }
        // A pair with one end on the abdomen: refused in pregnancy, allowed otherwise.
        let leg = NeedleKey(at: BodyLocation(area: .leg, side: .left, note: "tender on the left thigh"))
        let pair = ElectricalPair(first: belly, second: leg, frequencyHz: 2, waveform: .continuous, intensityMa: nil, durationMinutes: 20, at: Date())
        #expect(throws: NeedleRefusal.noElectricalStimulation(
            rule: ChairSafetyCheck.pairPregnancyRule, why: "no current over the lumbosacral region or the abdomen in pregnancy")) { try week8.check(pair) }
        try check(RiskFactors(bmi: 24), electroacupuncture: true).check(pair)
        // With no catalogue point on the abdomen, a tender point there goes no deeper than 10 mm.
        #expect(throws: NeedleRefusal.self) { try check(RiskFactors(bmi: 24)).check(insertion(belly, depth: 11), overrideReason: nil) }
    }
}
