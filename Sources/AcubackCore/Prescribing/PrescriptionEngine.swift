/// Assessment in, plan out. Deterministic: the same assessment, edits and acknowledgements always
/// give the same plan.
public struct PrescriptionEngine: Sendable {
    public let catalogue: PointCatalogue

    /// A single-region plan stays within this many needles; each further region adds a few.
    public static let needleBudget = 20
    public static let budgetPerExtraRegion = 6

    public init(catalogue: PointCatalogue = .standard) {
        self.catalogue = catalogue
    }

    public func plan(
        for assessment: Assessment, edits: [PlanEdit] = [], acknowledged: [String] = []
    ) throws(ValidationError) -> TreatmentPlan {
        try assessment.validate()
        let safety = SafetyEngine(assessment: assessment, catalogue: catalogue)
        let regions = assessment.regions.sorted()
        let protocols = regions.map { TreatmentProtocol.for($0, assessment) }

        let candidates = zip(regions, protocols).flatMap { region, followed in
            CandidateBuilder(catalogue: catalogue, assessment: assessment, region: region, protocolFollowed: followed)
                .candidates()
        }
        let (safeCandidates, ruleFindings) = applyPointRules(to: candidates, safety: safety)
        var findings = ruleFindings
        let budget = Self.needleBudget + Self.budgetPerExtraRegion * (regions.count - 1)
        var needles = proposedNeedles(from: safeCandidates, budget: budget)
        needles = try PlanEditor(catalogue: catalogue).apply(edits, to: needles)
        let reviewed = safety.review(needles)
        needles = Self.chairOrder(reviewed.needles)
        findings += reviewed.findings
        findings += safety.planFindings()

        let position = PositionRule.choose(for: assessment)
        findings += position.findings

        let plan = TreatmentPlan(
            catalogueVersion: catalogue.version,
            needles: needles,
            position: position.position,
            retentionMinutes: RetentionRule.minutes(for: assessment),
            electroacupuncture: assessment.electroacupuncture && !assessment.patient.implantedDevice && !assessment.patient.epilepsy,
            findings: Self.merged(findings),
            protocols: Self.unique(protocols),
            rationale: rationale(regions: regions, protocols: protocols, assessment: assessment, needles: needles),
            acknowledged: [])
        let known = Set(plan.findings.filter(\.needsAcknowledgement).flatMap { [$0.id, $0.rule] })
        var result = plan
        result.acknowledged = Self.unique(acknowledged.filter(known.contains))
        return result
    }

    // MARK: - Steps

    /// Replaces or drops candidates the point rules block, side by side.
    private func applyPointRules(to candidates: [Candidate], safety: SafetyEngine) -> ([Candidate], [Finding]) {
        var kept: [Candidate] = []
        var findings: [Finding] = []
        var used = Set(candidates.map(\.point))
        for candidate in candidates {
            guard let point = catalogue.point(candidate.point) else { continue }
            let verdicts = candidate.sides.map { (side: $0, verdict: safety.verdict(for: point, side: $0)) }
            let blocked = verdicts.filter(\.verdict.isBlocked)
            let safeSides = verdicts.filter { !$0.verdict.isBlocked }.map(\.side)
            if !safeSides.isEmpty {
                var safe = candidate
                safe.sides = safeSides
                kept.append(safe)
            }
            guard !blocked.isEmpty else { continue }
            let blockedSides = blocked.map(\.side)
            let alternative = point.needling?.alternatives.first { code in
                guard !used.contains(code), let other = catalogue.point(code) else { return false }
                return blockedSides.allSatisfy { !safety.verdict(for: other, side: $0).isBlocked }
            }
            // An ear point belongs to no side of the back: when one ear cannot be needled, the other can.
            let otherEar = candidate.role == .auricular && alternative == nil
                ? blockedSides.map(Self.opposite).filter { side in !candidate.sides.contains(side) && !safety.verdict(for: point, side: side).isBlocked }
                : []
            if !otherEar.isEmpty {
                var moved = candidate
                moved.sides = otherEar
                moved.reason = "On the \(otherEar[0].rawValue) ear instead: " + candidate.reason
                kept.append(moved)
                findings += blocked.flatMap(\.verdict.blocks).map { block in
                    var resolved = block
                    resolved.resolution = "moved to the \(otherEar[0].rawValue) ear"
                    return resolved
                }
                continue
            }
            if let alternative {
                used.insert(alternative)
                var replacement = candidate
                replacement.point = alternative
                replacement.sides = blockedSides
                replacement.reason = "In place of \(point.label): " + candidate.reason
                kept.append(replacement)
            }
            let resolution = alternative.map { "replaced by \($0)" } ?? "left out; no safe alternative"
            findings += blocked.flatMap(\.verdict.blocks).map { block in
                var resolved = block
                resolved.resolution = resolution
                return resolved
            }
        }
        return (kept, findings)
    }

    /// Fills the plan by priority, whole candidates at a time, without passing the budget; needles
    /// off the back (distal and ear points) take less than half of it, so most are in the back.
    private func proposedNeedles(from candidates: [Candidate], budget: Int) -> [PlannedNeedle] {
        var chosen: [PlannedNeedle] = []
        var taken = Set<String>()
        let offBackLimit = (budget - 1) / 2
        let ordered = candidates.enumerated().sorted { ($0.element.priority, $0.offset) < ($1.element.priority, $1.offset) }
        for (_, candidate) in ordered {
            guard let point = catalogue.point(candidate.point), let needling = point.needling else { continue }
            let sites = needling.chart.count
            let sides = candidate.sides.filter { !taken.contains("\(candidate.point)|\($0.rawValue)") }
            let needed = sides.count * sites
            guard needed > 0 else { continue }
            if candidate.priority != Candidate.Priority.local, chosen.count + needed > budget { continue }
            let offBack = candidate.role == .distal || candidate.role == .auricular
            if offBack, chosen.filter({ $0.role == .distal || $0.role == .auricular }).count + needed > offBackLimit { continue }
            for side in sides {
                taken.insert("\(candidate.point)|\(side.rawValue)")
                for site in 1...sites {
                    chosen.append(PlannedNeedle(
                        point: point.code, side: side, site: sites > 1 ? site : nil, role: candidate.role,
                        maxDepthMm: needling.depthMm.max, angle: needling.angle, reason: candidate.reason,
                        sources: Self.unique(candidate.sources + needling.sources)))
                }
            }
        }
        return chosen
    }

    private func rationale(regions: [BackRegion], protocols: [TreatmentProtocol], assessment: Assessment, needles: [PlannedNeedle]) -> String {
        var parts = zip(regions, protocols).map { $1.rationale(for: $0, assessment) }
        for followed in Self.unique(protocols) {
            if let difference = Self.difference(of: needles, from: followed) { parts.append(difference) }
        }
        if assessment.onset == .acute, regions.contains(.lower) {
            parts.append("Acute onset: distal points are needled first while the patient moves the back gently (movement needling).")
        }
        parts.append("Ear points are added by Acuback's own rule (GB/T 13734-2008 locations); the trials did not use them.")
        return parts.joined(separator: " ")
    }

    // MARK: - Helpers

    static func opposite(_ side: NeedleSide) -> NeedleSide {
        switch side {
        case .left: .right
        case .right: .left
        case .midline: .midline
        }
    }

    /// How a plan labelled with a trial differs from the trial's points, point by point (ear points
    /// are said once, below, for all plans).
    static func difference(of needles: [PlannedNeedle], from followed: TreatmentProtocol) -> String? {
        guard let listed = followed.trialPoints else { return nil }
        let used = unique(needles.filter { $0.role != .auricular }.map(\.point))
        let beyond = used.filter { !listed.contains($0) }
        var sentences: [String] = []
        if !beyond.isEmpty {
            let reasons = beyond.map { code in "\(code) (\(needles.first { $0.point == code }?.role.rawValue ?? "added"))" }
            sentences.append("Beyond the \(followed.name) points: \(reasons.joined(separator: ", ")).")
        }
        if followed == .cherkin2009 {
            let missing = ["GV3", "BL23", "BL40", "KI3"].filter { !used.contains($0) }
            if !missing.isEmpty { sentences.append("Of the \(followed.name) points, not used here: \(missing.joined(separator: ", ")).") }
        }
        if sentences.isEmpty { return "Every point beside the ear points is from the \(followed.name) list." }
        return sentences.joined(separator: " ")
    }

    /// As the practitioner works: by role, the engine's needles before hand-added ones, otherwise
    /// in the order proposed.
    static func chairOrder(_ needles: [PlannedNeedle]) -> [PlannedNeedle] {
        needles.enumerated().sorted { a, b in
            let left = (a.element.role, a.element.origin == .practitioner ? 1 : 0, a.offset)
            let right = (b.element.role, b.element.origin == .practitioner ? 1 : 0, b.offset)
            return left < right
        }.map(\.element)
    }

    /// One finding per id, keeping the first; most serious first, otherwise in the order found.
    static func merged(_ findings: [Finding]) -> [Finding] {
        var seen = Set<String>()
        let unique = findings.filter { seen.insert($0.id).inserted }
        return unique.enumerated().sorted { a, b in
            a.element.severity != b.element.severity ? a.element.severity > b.element.severity : a.offset < b.offset
        }.map(\.element)
    }

    static func unique<T: Hashable>(_ values: [T]) -> [T] {
        var seen = Set<T>()
        return values.filter { seen.insert($0).inserted }
    }
}
