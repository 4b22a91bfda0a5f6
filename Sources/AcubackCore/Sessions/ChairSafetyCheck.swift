import Foundation

/// Why a needle was refused at the chair; nothing is recorded when one is.
public enum NeedleRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// A rule rules the needle out and may not be overridden (broken skin, say).
    case blocked([Finding])
    /// Only rules a practitioner may override stand in the way, but no reason was given.
    case needsReason([Finding])
    /// Deeper than the limit the rules set here; never overridable.
    case tooDeep(depthMm: Int, capMm: Int, rule: String)
    /// Electrical stimulation where it is not allowed.
    case noElectricalStimulation(rule: String, why: String)
    /// Strong stimulation for a patient who may have gentle stimulation only.
    case tooStrong(Finding)
    /// A reason given where no rule needed overriding.
    case nothingToOverride

    public var field: String {
        switch self {
        case .blocked: "point"
        case .needsReason, .nothingToOverride: "overrideReason"
        case .tooDeep: "depthMm"
        case .noElectricalStimulation, .tooStrong: "stimulation"
        }
    }

    /// The rule ids, for the refusal's message and for clients to act on.
    public var rules: [String] {
        switch self {
        case .blocked(let findings), .needsReason(let findings): findings.map(\.id)
        case .tooDeep(_, _, let rule), .noElectricalStimulation(let rule, _): [rule]
        case .tooStrong(let finding): [finding.rule]
        case .nothingToOverride: []
        }
    }

    public var description: String {
        switch self {
        case .blocked(let findings):
            "refused by \(findings.map(\.id).joined(separator: ", ")): " + findings.map(\.message).joined(separator: " ")
        case .needsReason(let findings):
            "needs a reason to override \(findings.map(\.id).joined(separator: ", ")): " + findings.map(\.message).joined(separator: " ")
        case .tooDeep(let depth, let cap, let rule):
            "\(depth) mm is deeper than the \(cap) mm allowed here (\(rule)); a depth limit cannot be overridden"
        case .noElectricalStimulation(let rule, let why):
            "electrical stimulation is not allowed (\(rule)): \(why)"
        case .tooStrong(let finding):
            "strong stimulation is not allowed (\(finding.rule)): \(finding.message)"
        case .nothingToOverride:
            "no rule stands in the way of this needle, so there is nothing to override; leave the reason out"
        }
    }
}

/// The one check every needle at the chair passes, planned or not: the same rules and caps the
/// plan was made with, for the patient's risk factors on the day of the session (CLINICAL.md §5).
public struct ChairSafetyCheck: Sendable {
    public let engine: SafetyEngine
    public let planned: [PlannedNeedle]
    /// The plan allows electrical stimulation (the engine turns it off for a device).
    public let planAllowsElectroacupuncture: Bool

    /// Rules a practitioner may override at the chair with a recorded reason: the traditional
    /// pregnancy points, whose evidence is debated (Carr 2015). Depth caps never.
    public static let overridableRules: Set<String> = [
        PregnancyPointRule.forbidden, PregnancyPointRule.lumbosacral, PregnancyPointRule.lowerAbdomen,
    ]

    public static let electricalRule = "electroacupuncture.not-allowed"

    public init(engine: SafetyEngine, planned: [PlannedNeedle], planAllowsElectroacupuncture: Bool) {
        self.engine = engine
        self.planned = planned
        self.planAllowsElectroacupuncture = planAllowsElectroacupuncture
    }

    /// What the rules decide for one needle.
    public struct Decision: Sendable, Equatable {
        public var capMm: Int
        /// The rules a reasoned override set aside, as `rule:POINT`; empty when none.
        public var overridden: [String]
        public var warnings: [Finding]
    }

    /// The spot a key names: a catalogue point on its side, or a tender point placed on the chart.
    /// Nil for a key the rules cannot place (an extra needle recorded before locations were kept).
    public func spot(for key: NeedleKey) -> NeedleSpot? {
        if let code = key.point, let side = key.side, let point = engine.catalogue.point(code), let needling = point.needling {
            return NeedleSpot(point: point, needling: needling, side: side)
        }
        return key.bodyLocation.map(engine.spot(at:))
    }

    /// The deepest a needle may go at this spot today: the rules' cap (else the usual depth there),
    /// and for a planned needle no deeper than the plan.
    public func depthLimit(for key: NeedleKey, at spot: NeedleSpot) -> (capMm: Int, rule: String) {
        let verdict = engine.verdict(for: spot)
        var cap = verdict.depthCap ?? spot.usualMaxDepthMm
        var rule = verdict.capFindings.first?.rule ?? "depth.usual-maximum"
        if let plannedNeedle = planned.first(where: { $0.point == key.point && $0.side == key.side && $0.site == key.site }),
           plannedNeedle.maxDepthMm < cap {
            cap = plannedNeedle.maxDepthMm
            rule = "plan.depth"
        }
        return (cap, rule)
    }

    /// Checks one insertion; the reason, when given, overrides only the rules that allow it.
    public func check(_ insertion: Insertion, overrideReason: String?) throws(NeedleRefusal) -> Decision {
        guard let spot = spot(for: insertion.key) else {
            throw .blocked([Finding(
                severity: .block, rule: "needle.unplaced", message: "An extra needle must be placed on the body chart.",
                source: ClinicalSources.practiceRule.id)])
        }
        let verdict = engine.verdict(for: spot)
        let reason = overrideReason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let fixed = verdict.blocks.filter { !Self.overridableRules.contains($0.rule) }
        if !fixed.isEmpty { throw .blocked(fixed) }
        let overridable = verdict.blocks.filter { Self.overridableRules.contains($0.rule) }
        if !overridable.isEmpty && reason.isEmpty { throw .needsReason(overridable) }
        if overridable.isEmpty && !reason.isEmpty { throw .nothingToOverride }
        let limit = depthLimit(for: insertion.key, at: spot)
        if insertion.depthMm > limit.capMm { throw .tooDeep(depthMm: insertion.depthMm, capMm: limit.capMm, rule: limit.rule) }
        if insertion.stimulation == .electrical, let why = electricalRefusal(at: spot) {
            throw .noElectricalStimulation(rule: Self.electricalRule, why: why)
        }
        if insertion.stimulation == .strong, let limit = engine.gentleStimulationOnly.first { throw .tooStrong(limit) }
        return Decision(capMm: limit.capMm, overridden: overridable.map(\.id), warnings: verdict.capFindings + verdict.cautions)
    }

    /// Why the chair offers no electrical stimulation to this patient at all, or nil when it may.
    public var electricalRefusal: String? {
        let patient = engine.assessment.patient
        if patient.implantedDevice { return "the patient has a pacemaker or another active implanted device" }
        if patient.epilepsy { return "the patient has epilepsy (Acuback does not record whether it is controlled)" }
        if !planAllowsElectroacupuncture { return "the patient's plan does not use electroacupuncture" }
        return nil
    }

    /// Whether electrical stimulation may be used at this spot, and why not when it may not.
    public func electricalRefusal(at spot: NeedleSpot) -> String? {
        let patient = engine.assessment.patient
        if let refusal = electricalRefusal { return refusal }
        if patient.isPregnant && spot.barsCurrentInPregnancy {
            return "no current over the lumbosacral region or the abdomen in pregnancy"
        }
        if [.head, .ear].contains(spot.area) { return "no current on the head" }
        return nil
    }
}
