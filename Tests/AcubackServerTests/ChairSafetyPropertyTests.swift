import AcubackCore
import AcubackStore
import AcubackTestSupport
import Foundation
import Testing

@testable import AcubackServer
@testable import AcubackServices

/// A property, checked through the chair's use cases (`TreatmentSessionService.insert`, `remove` and
/// `stimulate`): whatever sequence of actions a practitioner tries (planned needles, other catalogue
/// points, tender points anywhere on the chart, any depth, gentle, strong or electrical stimulation,
/// electroacupuncture pairs of any two needles, with or without a reason to override) for a patient
/// whose risk factors change between actions, no needle or pair is recorded that breaks a block, a
/// depth cap, a stimulation limit or an electroacupuncture rule the engine applies to that patient
/// on that day, unless a reasoned override is on the ledger where one is allowed. A refused action
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
        // Now and then a patient with no risk factors, so that everything allowed gets recorded too.
        if Int.random(in: 0..<4, using: &rng) == 0 { return RiskFactors(bmi: 24) }
        return RiskFactors(
            pregnancyWeek: Bool.random(using: &rng) ? Int.random(in: 1...42, using: &rng) : nil,
            anticoagulants: Int.random(in: 0..<3, using: &rng) == 0, bleedingDisorder: [.none, .none, .mild].randomElement(using: &rng)!,
            implantedDevice: Int.random(in: 0..<4, using: &rng) == 0, lungDisease: Bool.random(using: &rng), thoracicSurgery: Bool.random(using: &rng),
            bmi: [nil, 16.5, 24].randomElement(using: &rng)!, epilepsy: Int.random(in: 0..<6, using: &rng) == 0,
            brokenSkinRegions: SkinRegion.allCases.filter { _ in Int.random(in: 0..<6, using: &rng) == 0 },
            metalImplantRegions: SkinRegion.allCases.filter { _ in Int.random(in: 0..<8, using: &rng) == 0 })
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

    /// The choice that names a needle already in the ledger.
    static func choice(for key: NeedleKey) -> NeedleChoice {
        NeedleChoice(point: key.point, side: key.side, site: key.site, location: key.location, area: key.area, level: key.level)
    }

    /// Tallies of what the property exercised, so a run that never reaches a rule is caught.
    struct Tally {
        var needles = 0, refusedNeedles = 0, pairs = 0, refusedPairs = 0, strong = 0, electrical = 0
    }

    @Test(arguments: [UInt64(16), 2718, 31_415])
    func noRecordedNeedleBreaksARuleTheEngineAppliesThatDay(seed: UInt64) async throws {
        try await withTestWorld { _, world in
            var rng = SplitMix64(state: seed)
            let services = AppServices(database: world.store, publicAddress: PublicAddress(configured: "http://test", fallback: ""))
            let chair = TreatmentSessionService(services: services)
            let actor = world.sessions[.practitioner]!.actor
            // A session whose plan uses electroacupuncture, so the rules, not the plan, decide each pair.
            let sessionID = try await TestWorld.startSession(
                world.store, clinicID: world.clinic.id, practitionerID: world.practitionerID, patientID: world.ownPatientID, day: 7,
                electroacupuncture: true)
            var tally = Tally()
            for step in 0..<200 {
                let session = try await chair.session(sessionID, for: .treatPatient, by: actor, from: nil)
                let risks = Self.risks(&rng)
                try await PatientStore(world.store).updateIntake(patientID: session.patientID, risks: risks)
                let inPatient = session.chair.ledger.needles.filter { $0.state == .inPatient }.map(\.key)
                let before = session.chair.ledger.events.count
                let roll = Int.random(in: 0..<10, using: &rng)
                do {
                    if roll < 5 || inPatient.count < 2 {
                        let after = try await insertSomething(&rng, session: session, chair: chair, actor: actor)
                        tally.needles += 1
                        let insertion = try #require(after.chair.ledger.insertions.last)
                        if insertion.stimulation == .strong { tally.strong += 1 }
                        if insertion.stimulation == .electrical { tally.electrical += 1 }
                        try await judge(insertion, in: after, chair: chair, context: "seed \(seed) step \(step)")
                    } else if roll < 7 {
                        _ = try await chair.remove(Self.choice(for: inPatient.randomElement(using: &rng)!), from: sessionID, by: actor, from: nil)
                    } else {
                        let first = inPatient.randomElement(using: &rng)!
                        // Mostly a needle on the same side; now and then any needle, or the first one again.
                        let sameSide = inPatient.filter { $0 != first && $0.side == first.side }
                        let second = switch Int.random(in: 0..<8, using: &rng) {
                        case 0: first
                        case 1, 2: inPatient.randomElement(using: &rng)!
                        default: sameSide.randomElement(using: &rng) ?? inPatient.randomElement(using: &rng)!
                        }
                        let after = try await chair.stimulate(
                            Self.choice(for: first), Self.choice(for: second), frequencyHz: [2, 15, 100].randomElement(using: &rng)!,
                            waveform: Waveform.allCases.randomElement(using: &rng)!, intensityMa: Bool.random(using: &rng) ? 2.5 : nil,
                            durationMinutes: 20, in: sessionID, by: actor, from: nil)
                        tally.pairs += 1
                        try await judge(try #require(after.chair.ledger.electricalPairs.last), in: after, chair: chair, context: "seed \(seed) step \(step)")
                    }
                } catch let refusal as NeedleRefusal {
                    if roll < 5 || inPatient.count < 2 { tally.refusedNeedles += 1 } else { tally.refusedPairs += 1 }
                    #expect(!refusal.rules.isEmpty || refusal == .nothingToOverride, "seed \(seed) step \(step): a refusal names no rule")
                } catch is ValidationError {
                    if roll >= 7 { tally.refusedPairs += 1 }
                } catch is LedgerError {
                    tally.refusedNeedles += 1
                }
                let now = try await chair.session(sessionID, for: .treatPatient, by: actor, from: nil)
                #expect(now.chair.ledger.events.count <= before + 1, "seed \(seed) step \(step): one action stored more than one event")
            }
            // Every kind of outcome happens, or the property says little.
            #expect(tally.needles > 10 && tally.refusedNeedles > 10, "seed \(seed): \(tally)")
            #expect(tally.pairs > 0 && tally.refusedPairs > 5, "seed \(seed): \(tally)")
            #expect(tally.strong > 0 && tally.electrical > 0, "seed \(seed): \(tally)")
        }
    }

    /// Tries one needle: planned, another catalogue point or a tender point, at an ordinary depth or
    /// far too deep, with any stimulation, with or without a reason to override.
    func insertSomething(
        _ rng: inout SplitMix64, session: TreatmentSessionRecord, chair: TreatmentSessionService, actor: Actor
    ) async throws -> TreatmentSessionRecord {
        let choice = Self.choice(&rng, planned: session.chair.planned)
        let depth = Int.random(in: 0..<4, using: &rng) == 0 ? Int.random(in: 1...60, using: &rng) : Int.random(in: 1...12, using: &rng)
        let stimulation = Stimulation.allCases.randomElement(using: &rng)!
        let reason = Bool.random(using: &rng) ? "Discussed with the patient and her midwife" : nil
        let before = session.chair.ledger.events.count
        do {
            return try await chair.insert(
                choice, depthMm: depth, needleType: "0.25 × 40 mm", stimulation: stimulation, deQi: true, overrideReason: reason,
                into: session.id, by: actor, from: nil)
        } catch {
            let unchanged = try await chair.session(session.id, for: .treatPatient, by: actor, from: nil)
            #expect(unchanged.chair.ledger.events.count == before, "a refused needle stored something: \(choice)")
            throw error
        }
    }

    /// The judge of one recorded needle: the engine, for the risk factors as the clinic recorded
    /// them, on today's date.
    func judge(_ insertion: Insertion, in session: TreatmentSessionRecord, chair: TreatmentSessionService, context step: String) async throws {
        let safety = try await chair.safety(for: session)
        let spot = try #require(safety.spot(for: insertion.key), "\(step): an unplaced needle was recorded")
        let verdict = safety.engine.verdict(for: spot)
        let patient = safety.engine.assessment.patient
        let context = "\(step): \(insertion.key) \(insertion.depthMm) mm \(insertion.stimulation) for \(patient)"
        let fixed = verdict.blocks.filter { !ChairSafetyCheck.overridableRules.contains($0.rule) }
        #expect(fixed.isEmpty, "\(context) breaks \(fixed.map(\.id))")
        let overridable = Set(verdict.blocks.filter { ChairSafetyCheck.overridableRules.contains($0.rule) }.map(\.id))
        #expect(Set(insertion.override?.findings ?? []) == overridable, "\(context): override \(String(describing: insertion.override))")
        if !overridable.isEmpty { #expect(insertion.override?.reason.isEmpty == false, "\(context)") }
        #expect(insertion.depthMm <= (verdict.depthCap ?? spot.usualMaxDepthMm), "\(context) is deeper than the cap")
        if let planned = session.chair.planned.first(where: { $0.point == insertion.key.point && $0.side == insertion.key.side && $0.site == insertion.key.site }) {
            #expect(insertion.depthMm <= planned.maxDepthMm, "\(context) is deeper than the plan")
        }
        if insertion.stimulation == .strong {
            #expect(patient.pregnancyWeek == nil && !patient.anticoagulants && patient.bleedingDisorder != .mild, "\(context): strong stimulation")
        }
        if insertion.stimulation == .electrical {
            #expect(!patient.implantedDevice && !patient.epilepsy && session.plan.electroacupuncture, "\(context)")
            #expect(!(patient.isPregnant && (spot.lies(in: .lumbosacral) || spot.lies(in: .lowerAbdomen))) && ![.head, .ear].contains(spot.area), "\(context)")
        }
    }

    /// The judge of one recorded electroacupuncture pair.
    func judge(_ pair: ElectricalPair, in session: TreatmentSessionRecord, chair: TreatmentSessionService, context step: String) async throws {
        let safety = try await chair.safety(for: session)
        let patient = safety.engine.assessment.patient
        let context = "\(step): \(pair.summary) for \(patient)"
        #expect(!patient.implantedDevice && !patient.epilepsy && session.plan.electroacupuncture, "\(context)")
        #expect(pair.first != pair.second, "\(context): one needle")
        #expect(session.chair.ledger.isIn(pair.first) && session.chair.ledger.isIn(pair.second), "\(context): a needle not in")
        let first = try #require(safety.spot(for: pair.first)), second = try #require(safety.spot(for: pair.second))
        #expect(first.side == second.side, "\(context): across the body")
        for spot in [first, second] {
            #expect(!spot.lies(in: .lung), "\(context): across the chest")
            #expect(![.head, .ear].contains(spot.area), "\(context): on the head")
            #expect(!(patient.isPregnant && (spot.lies(in: .lumbosacral) || spot.lies(in: .lowerAbdomen))), "\(context): lumbosacral or abdomen in pregnancy")
            #expect(!patient.brokenSkinRegions.contains(spot.skinRegion), "\(context): broken skin in the path")
            #expect(!patient.metalImplantRegions.contains(spot.skinRegion), "\(context): a metal implant in the path")
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
            try await PatientStore(world.store).updateIntake(
                patientID: session.patientID, risks: RiskFactors(pregnancyWeek: 11, bmi: 24), at: Date().addingTimeInterval(-21 * 86_400))
            let stored = try #require(try await PatientStore(world.store).clinical(patientID: session.patientID)?.risks)
            #expect(stored.pregnancyWeek == 11 && stored.pregnancyRecordedOn != nil)
            #expect(try await chair.safety(for: session).engine.assessment.patient.pregnancyWeek == 14)
            await #expect(throws: NeedleRefusal.self) {
                try await chair.insert(
                    NeedleChoice(point: "BL25", side: .left), depthMm: 5, needleType: "0.25 × 40 mm", stimulation: .manual, deQi: true,
                    into: world.sessionID, by: actor, from: nil)
            }
            // Giving the same week again later keeps the first day, so the count is not reset.
            try await PatientStore(world.store).updateIntake(patientID: session.patientID, risks: RiskFactors(pregnancyWeek: 14, bmi: 24))
            #expect(try await PatientStore(world.store).clinical(patientID: session.patientID)?.risks.pregnancyWeek == 11)
            // A day in the future, or longer ago than a pregnancy lasts, is refused naming the field.
            for day in ["2999-01-01", "2001-01-01"] {
                let error = await #expect(throws: ValidationError.self) {
                    try await PatientStore(world.store).updateIntake(
                        patientID: session.patientID, risks: RiskFactors(pregnancyWeek: 12, pregnancyRecordedOn: CalendarDay(day), bmi: 24))
                }
                #expect(error?.errors.first?.field == "pregnancyRecordedOn")
            }
        }
    }
}
