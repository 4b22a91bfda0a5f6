import Testing

@testable import AcubackCore

/// Plans match what they say they are (issue: plans that match their labels): sacral pain is
/// needled in the sacral foramina, a broken ear moves the ear points to the other ear, a plan
/// labelled with a trial names every point beyond the trial's list, and a single-region plan for a
/// patient without risk factors has more than 15 needles, most of them in the back (CLINICAL.md §1).
@Suite struct PlanLabelTests {
    let healthy = RiskFactors(bmi: 24)

    @Test func sacralPainIsNeededInTheSacralForamina() throws {
        let result = try plan(Assessment(regions: [.lower], side: .both, levels: [.S1, .S2], onset: .chronic, patient: healthy))
        let local = Set(result.needles.filter { $0.role == .local }.map(\.point))
        #expect(local.isSuperset(of: ["BL31", "BL32"]), "\(local)")
        #expect(result.needles(at: "BL31").map(\.side) == [.left, .right])
    }

    @Test func aBrokenEarMovesTheEarPointsToTheOtherEar() throws {
        let broken = try plan(Assessment(regions: [.lower], side: .both, onset: .chronic, patient: RiskFactors(bmi: 24, brokenSkinRegions: [.leftEar])))
        let ear = broken.needles.filter { $0.role == .auricular }
        #expect(!ear.isEmpty && ear.allSatisfy { $0.side == .right })
        let finding = try #require(broken.findings.first { $0.rule == "skin.broken" })
        #expect(finding.resolution == "moved to the right ear")
        #expect(ear.count == (try plan(Assessment(regions: [.lower], side: .both, onset: .chronic, patient: healthy))).needles.filter { $0.role == .auricular }.count)
    }

    @Test(arguments: [
        Assessment(regions: [.lower], side: .both, levels: [.L4, .L5], onset: .chronic, patient: RiskFactors(bmi: 24)),
        Assessment(regions: [.lower], side: .left, onset: .acute, patient: RiskFactors(bmi: 24)),
        Assessment(regions: [.lower], side: .both, onset: .chronic, patient: RiskFactors(bmi: 24)),
    ])
    func aTrialLabelledPlanNamesEveryPointBeyondTheTrialsList(assessment: Assessment) throws {
        let result = try plan(assessment)
        let followed = try #require(result.protocols.first)
        let listed = try #require(followed.trialPoints)
        for needle in result.needles where needle.role != .auricular && !listed.contains(needle.point) {
            #expect(result.rationale.contains("Beyond the \(followed.name) points:") && result.rationale.contains(needle.point), "\(needle.point)")
        }
        if followed == .cherkin2009 {
            for code in listed where !result.points.contains(code) {
                #expect(result.rationale.contains("not used here: ") && result.rationale.contains(code), "\(code)")
            }
        }
    }

    @Test func everySingleRegionPlanWithoutRiskFactorsHasMoreThan15NeedlesMostInTheBack() throws {
        for region in BackRegion.allCases {
            for side in PainSide.allCases {
                for onset in Onset.allCases {
                    let inRegion = SpinalLevel.allCases.filter(region.levels.contains)
                    let spans: [[SpinalLevel]] = [[], Array(inRegion.prefix(2)), [inRegion.last!]]
                    for levels in spans {
                        for radiates in region == .lower ? [false, true] : [false] {
                            let assessment = Assessment(
                                regions: [region], side: side, levels: levels, radiatesToLeg: radiates, onset: onset, patient: RiskFactors(bmi: 24))
                            let result = try plan(assessment)
                            let back = result.needles.filter { $0.role == NeedleRole.local || $0.role == NeedleRole.adjacent }.count
                            let label = "\(region) \(side) \(onset) \(levels) radiating \(radiates)"
                            #expect(result.needleCount > 15, "\(label): \(result.needleCount) needles")
                            #expect(back * 2 > result.needleCount, "\(label): \(back) of \(result.needleCount) in the back")
                        }
                    }
                }
            }
        }
    }
}
