import AcubackCore
import AcubackStore
import AcubackTestSupport
import Foundation
import Testing

@testable import AcubackServer

/// A property, checked through the chair's use case (`TreatmentSessionService.insert`): whatever
/// sequence of insertions a practitioner tries (planned needles, other catalogue points, tender
/// points anywhere on the chart, any depth, with or without electrical stimulation, with or without
/// a reason to override) for a patient with any mix of risk factors, no needle is recorded that
/// breaks a block, a depth cap or an electroacupuncture rule the engine applies to that patient on
/// that day, unless a reasoned override is on the ledger where one is allowed. A refused needle
/// leaves the ledger as it was.
@Suite struct ChairSafetyPropertyTests {
    /// A small, seeded generator, so a failing run can be repeated exactly.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func risks(_ rng: inout SplitMix64) -> RiskFactors {
        RiskFactors(
            pregnancyWeek: Bool.random(using: &rng) ? Int.random(in: 1...42, using: &rng) : nil,
            anticoagulants: Bool.random(using: &rng), bleedingDisorder: [.none, .mild].randomElement(using: &rng)!,
            implantedDevice: Bool.random(using: &rng), lungDisease: Bool.random(using: &rng), thoracicSurgery: Bool.random(using: &rng),
            bmi: [nil, 16.5, 24].randomElement(using: &rng)!, epilepsy: Int.random(in: 0..<5, using: &rng) == 0,
            brokenSkinRegions: SkinRegion.allCases.filter { _ in Int.random(in: 0..<6, using: &rng) == 0 })
    }

    static func choice(_ rng: inout SplitMix64, planned: [PlannedNeedle]) -> NeedleChoice {
        switch Int.random(in: 0..<3, using: &rng) {
        case 0 where !planned.isEmpty:
            let needle = planned.randomElement(using: &rng)!
            return NeedleChoice(point: needle.point, side: needle.side, site: needle.site)
        case 1:
            let point = PointCatalogue.standard.points.filter(\.isPrescribable).randomElement(using: &rng)!
            let midline = point.meridian?.isMidline == true || point.needling?.bilateral == false
            let sites = point.needling?.chart.count ?? 1
            return NeedleChoice(
                point: point.code, side: midline ? .midline : [.left, .right].randomElement(using: &rng)!,
                site: sites > 1 ? Int.random(in: 1...sites, using: &rng) : nil)
        default:
            let area = BodyArea.allCases.randomElement(using: &rng)!
            let level = BodyLocation.levels(of: area).map { range in SpinalLevel.allCases.filter(range.contains).randomElement(using: &rng)! }
            let side: NeedleSide = [.leg, .foot, .hand, .ear].contains(area) ? [.left, .right].randomElement(using: &rng)! : NeedleSide.allCases.randomElement(using: &rng)!
            return NeedleChoice(side: side, location: "tender spot \(Int.random(in: 1...99, using: &rng))", area: area, level: level)
        }
    }

    @Test(arguments: [UInt64(16), 2718, 31_415])
    func noRecordedNeedleBreaksARuleTheEngineAppliesThatDay(seed: UInt64) async throws {
        try await withTestWorld { _, world in
            var rng = SplitMix64(state: seed)
            let services = AppServices(database: world.store, publicAddress: PublicAddress(configured: "http://test", fallback: ""))
            let chair = TreatmentSessionService(services: services)
            let actor = world.sessions[.practitioner]!.actor
            var recorded = 0
            var refused = 0
            for step in 0..<80 {
                let session = try await chair.session(world.sessionID, for: .treatPatient, by: actor, from: nil)
                let risks = Self.risks(&rng)
                try await services.patients.updateIntake(patientID: session.patientID, risks: risks)
                let choice = Self.choice(&rng, planned: session.chair.planned)
                // Mostly ordinary depths, sometimes far too deep; electrical stimulation now and then.
                let depth = Int.random(in: 0..<4, using: &rng) == 0 ? Int.random(in: 1...60, using: &rng) : Int.random(in: 1...12, using: &rng)
                let stimulation: Stimulation = Int.random(in: 0..<5, using: &rng) == 0 ? .electrical : [.manual, .none].randomElement(using: &rng)!
                let reason = Bool.random(using: &rng) ? "Discussed with the patient and her midwife" : nil
                let before = session.chair.ledger.events.count
                let after: TreatmentSessionRecord
                do {
                    after = try await chair.insert(
                        choice, depthMm: depth, needleType: "0.25 × 40 mm", stimulation: stimulation, deQi: true, overrideReason: reason,
                        into: world.sessionID, by: actor, from: nil)
                } catch {
                    refused += 1
                    let unchanged = try await chair.session(world.sessionID, for: .treatPatient, by: actor, from: nil)
                    #expect(unchanged.chair.ledger.events.count == before, "seed \(seed) step \(step): a refusal stored something")
                    continue
                }
                recorded += 1
                let insertion = try #require(after.chair.ledger.insertions.last)
                // The judge: the engine, for the risk factors as the clinic recorded them, on today's date.
                let safety = try await chair.safety(for: after)
                let spot = try #require(safety.spot(for: insertion.key), "seed \(seed) step \(step): an unplaced needle was recorded")
                let verdict = safety.engine.verdict(for: spot)
                let context = "seed \(seed) step \(step): \(insertion.key) \(insertion.depthMm) mm \(insertion.stimulation) for \(risks)"
                let fixed = verdict.blocks.filter { !ChairSafetyCheck.overridableRules.contains($0.rule) }
                #expect(fixed.isEmpty, "\(context) breaks \(fixed.map(\.id))")
                let overridable = Set(verdict.blocks.filter { ChairSafetyCheck.overridableRules.contains($0.rule) }.map(\.id))
                #expect(Set(insertion.override?.findings ?? []) == overridable, "\(context): override \(String(describing: insertion.override))")
                if !overridable.isEmpty { #expect(insertion.override?.reason.isEmpty == false, "\(context)") }
                #expect(insertion.depthMm <= (verdict.depthCap ?? spot.usualMaxDepthMm), "\(context) is deeper than the cap")
                if let planned = after.chair.planned.first(where: { $0.point == insertion.key.point && $0.side == insertion.key.side && $0.site == insertion.key.site }) {
                    #expect(insertion.depthMm <= planned.maxDepthMm, "\(context) is deeper than the plan")
                }
                if insertion.stimulation == .electrical {
                    let patient = safety.engine.assessment.patient
                    #expect(!patient.implantedDevice && !patient.epilepsy && after.plan.electroacupuncture, "\(context)")
                    #expect(!(patient.isPregnant && spot.lies(in: .lumbosacral)) && ![.head, .ear].contains(spot.area), "\(context)")
                }
                // Take it out again, so the same needle may be tried later.
                _ = try await chair.remove(choice, from: world.sessionID, by: actor, from: nil)
            }
            // Both outcomes happen, or the property says little.
            #expect(recorded > 5 && refused > 5, "seed \(seed): \(recorded) recorded, \(refused) refused")
        }
    }
}

/// The week of pregnancy the chair applies is the week on the day of the session, counted on from
/// the day it was recorded, not the week as it was typed in.
@Suite struct ChairPregnancyWeekTests {
    @Test func aWeekRecordedThreeWeeksAgoHasMovedIntoTheSecondTrimester() async throws {
        try await withTestWorld { _, world in
            let services = AppServices(database: world.store, publicAddress: PublicAddress(configured: "http://test", fallback: ""))
            let chair = TreatmentSessionService(services: services)
            let actor = world.sessions[.practitioner]!.actor
            let session = try await chair.session(world.sessionID, for: .treatPatient, by: actor, from: nil)
            try await services.patients.updateIntake(
                patientID: session.patientID, risks: RiskFactors(pregnancyWeek: 11, bmi: 24), at: Date().addingTimeInterval(-21 * 86_400))
            let stored = try #require(try await services.patients.clinical(patientID: session.patientID)?.risks)
            #expect(stored.pregnancyWeek == 11 && stored.pregnancyRecordedOn != nil)
            #expect(try await chair.safety(for: session).engine.assessment.patient.pregnancyWeek == 14)
            await #expect(throws: NeedleRefusal.self) {
                try await chair.insert(
                    NeedleChoice(point: "BL25", side: .left), depthMm: 5, needleType: "0.25 × 40 mm", stimulation: .manual, deQi: true,
                    into: world.sessionID, by: actor, from: nil)
            }
            // Giving the same week again later keeps the first day, so the count is not reset.
            try await services.patients.updateIntake(patientID: session.patientID, risks: RiskFactors(pregnancyWeek: 14, bmi: 24))
            #expect(try await services.patients.clinical(patientID: session.patientID)?.risks.pregnancyWeek == 11)
            // A day in the future, or longer ago than a pregnancy lasts, is refused naming the field.
            for day in ["2999-01-01", "2001-01-01"] {
                let error = await #expect(throws: ValidationError.self) {
                    try await services.patients.updateIntake(
                        patientID: session.patientID, risks: RiskFactors(pregnancyWeek: 12, pregnancyRecordedOn: CalendarDay(day), bmi: 24))
                }
                #expect(error?.errors.first?.field == "pregnancyRecordedOn")
            }
        }
    }
}
