/// Checks needles and plans against every safety rule. The rules are here, once; pages, API and
/// CLI all reach them through the prescription engine.
public struct SafetyEngine: Sendable {
    public let assessment: Assessment
    let catalogue: PointCatalogue

    static let pointRules: [any PointRule] = [PregnancyPointRule(), LungDepthRule(), KidneyDepthRule(), BrokenSkinRule(), ShallowNeedlingRule()]
    static let planRules: [any PlanRule] = [BleedingRule(), GentleStimulationRule(), ImplantedDeviceRule(), ElectroacupunctureRule(), PrecautionRules()]

    /// Every rule id the engine can report, for documentation and acknowledgement forms.
    public static let ruleIDs: [String] = [
        PregnancyPointRule.forbidden, PregnancyPointRule.lumbosacral, PregnancyPointRule.lowerAbdomen, PregnancyPointRule.caution, PositionRule.pregnancyRule,
        ShallowNeedlingRule.id, LungDepthRule.id,
        LungDepthRule.gb21, KidneyDepthRule.id, BrokenSkinRule.id, BleedingRule.severe, BleedingRule.mild,
        BleedingRule.anticoagulants, GentleStimulationRule.pregnancy, GentleStimulationRule.bleeding, ImplantedDeviceRule.id,
        ElectroacupunctureRule.id, PrecautionRules.fainting, PrecautionRules.epilepsy,
        PrecautionRules.phobia, PositionRule.changedRule, PlanEditRule.depthRule, PlanEditRule.blockedRule,
    ]

    public init(assessment: Assessment, catalogue: PointCatalogue = .standard) {
        self.assessment = assessment
        self.catalogue = catalogue
    }

    /// An engine for needles alone, as at the chair: the point rules read only the patient's risk factors.
    public init(patient: RiskFactors, catalogue: PointCatalogue = .standard) {
        self.init(assessment: Assessment(regions: [], side: .both, onset: .chronic, patient: patient), catalogue: catalogue)
    }

    public func verdict(for point: AcupuncturePoint, side: NeedleSide) -> PointVerdict {
        guard let needling = point.needling else { return PointVerdict() }
        return verdict(for: NeedleSpot(point: point, needling: needling, side: side))
    }

    /// What every rule says about one needle, at a catalogue point or a tender point.
    public func verdict(for spot: NeedleSpot) -> PointVerdict {
        var verdict = PointVerdict()
        for rule in Self.pointRules {
            rule.assess(spot, for: assessment, into: &verdict)
        }
        return verdict
    }

    /// A tender point at a body location, as deep as the catalogue's points in that area usually go.
    public func spot(at location: BodyLocation) -> NeedleSpot {
        NeedleSpot(location, usualMaxDepthMm: catalogue.usualMaxDepthMm(in: location.area))
    }

    /// Why strong stimulation is ruled out for this patient at every point; empty when it is not.
    public var gentleStimulationOnly: [Finding] { GentleStimulationRule().findings(for: assessment) }

    public func planFindings() -> [Finding] {
        Self.planRules.flatMap { $0.findings(for: assessment) }
    }

    /// The final pass over a plan's needles: the engine's own needles are capped to safe depths; a
    /// practitioner's needle that breaks a rule gets an unresolved block.
    func review(_ needles: [PlannedNeedle]) -> (needles: [PlannedNeedle], findings: [Finding]) {
        var reviewed: [PlannedNeedle] = []
        var findings: [Finding] = []
        for var needle in needles {
            guard let point = catalogue.point(needle.point) else { continue }
            let verdict = verdict(for: point, side: needle.side)
            if needle.origin == .practitioner {
                findings += verdict.blocks.map { block in
                    var finding = block
                    finding.rule = PlanEditRule.blockedRule
                    finding.message = "Added or changed by hand: " + block.message + " Remove or change it."
                    return finding
                }
            }
            if let cap = verdict.depthCap {
                if needle.depthSetByPractitioner, needle.maxDepthMm > cap {
                    findings.append(Finding(
                        severity: .block, rule: PlanEditRule.depthRule, point: needle.point,
                        message: "\(point.label) (\(needle.side.rawValue)) is set to \(needle.maxDepthMm) mm, deeper than the safe \(cap) mm.",
                        source: verdict.capFindings.first?.source ?? ClinicalSources.lin2013.id))
                } else {
                    needle.maxDepthMm = Swift.min(needle.maxDepthMm, cap)
                    findings += verdict.capFindings.map { finding in
                        var resolved = finding
                        resolved.resolution = "depth limited to \(cap) mm"
                        return resolved
                    }
                }
            }
            findings += verdict.cautions
            reviewed.append(needle)
        }
        return (reviewed, findings)
    }
}

/// Rule ids for what a practitioner's own edits can break.
public enum PlanEditRule {
    public static let depthRule = "edit.depth-over-cap"
    public static let blockedRule = "edit.blocked-point"
}
