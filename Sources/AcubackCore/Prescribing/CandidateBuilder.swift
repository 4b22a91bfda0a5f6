/// Proposes the candidate points for one painful region: local points at the painful levels,
/// adjacent points radiating out from them (the levels above and below, the next line out),
/// distal points chosen by region and onset, and ear points.
struct CandidateBuilder {
    let catalogue: PointCatalogue
    let assessment: Assessment
    let region: BackRegion
    let protocolFollowed: TreatmentProtocol

    var levels: [SpinalLevel] { assessment.painfulLevels(in: region) }

    var painSides: [NeedleSide] {
        switch assessment.side {
        case .left: [.left]
        case .right: [.right]
        case .both, .midline: [.left, .right]
        }
    }

    /// Midline pain is treated on the paravertebral (Jiaji) line; side pain on the inner bladder
    /// line; sacral pain in the sacral foramina (BL31–BL34), with the inner line (BL27–BL30) beside them.
    func primaryLine(at level: SpinalLevel) -> PointLine {
        if level >= .S1 { return .foramen }
        return assessment.side == .midline ? .jiaji : .innerBladder
    }

    func lateralLine(at level: SpinalLevel) -> PointLine {
        if level >= .S1 { return .innerBladder }
        return assessment.side == .midline ? .innerBladder : .outerBladder
    }

    func candidates() -> [Candidate] {
        var result: [Candidate] = []
        if protocolFollowed == .cherkin2009 {
            result += cherkinCore()
        } else {
            result += local()
        }
        result += distal()
        result += radiating()
        result += auricular()
        result += adjacent()
        result += lateral()
        result += regional()
        result += furtherOut()
        return result
    }

    // MARK: - Local and around it

    private func local() -> [Candidate] {
        var result: [Candidate] = []
        for level in levels {
            if let code = point(on: primaryLine(at: level), at: level) ?? point(on: .jiaji, at: level) {
                result.append(Candidate(
                    point: code, sides: [.left, .right], role: .local,
                    reason: level >= .S1
                        ? "At the painful level \(level.rawValue), in the sacral foramen on both sides."
                        : "At the painful level \(level.rawValue), beside the spine on both sides.",
                    sources: protocolFollowed.sources + [ClinicalSources.who2008.id], priority: Candidate.Priority.local))
            }
            if assessment.side == .both || assessment.side == .midline, let code = point(on: .midline, at: level) {
                result.append(Candidate(
                    point: code, sides: [.midline], role: .local,
                    reason: "On the midline at the painful level \(level.rawValue).",
                    sources: protocolFollowed.sources + [ClinicalSources.who2008.id], priority: Candidate.Priority.local))
            }
        }
        return result
    }

    private func adjacent() -> [Candidate] {
        guard let top = levels.first, let bottom = levels.last else { return [] }
        var result: [Candidate] = []
        for (level, direction) in [(top.advanced(by: -1), "above"), (bottom.advanced(by: 1), "below")]
        where !levels.contains(level) {
            guard let code = point(on: primaryLine(at: level), at: level) ?? point(on: .jiaji, at: level) else { continue }
            result.append(Candidate(
                point: code, sides: [.left, .right], role: .adjacent,
                reason: "Radiating out: one level \(direction) the painful span, at \(level.rawValue).",
                sources: protocolFollowed.sources + [ClinicalSources.who2008.id], priority: Candidate.Priority.adjacent))
        }
        return result
    }

    /// Two levels beyond the painful span on the same line, last in line for the budget: they keep
    /// the needles in the back when distal and ear points take a large share (CLINICAL.md §1: more
    /// than 15 needles, most of them in the back).
    private func furtherOut() -> [Candidate] {
        guard let top = levels.first, let bottom = levels.last else { return [] }
        var result: [Candidate] = []
        let steps = [(-2, "two levels above"), (2, "two levels below"), (-3, "three levels above"), (3, "three levels below")]
        for (level, direction) in steps.map({ ($0.0 < 0 ? top.advanced(by: $0.0) : bottom.advanced(by: $0.0), $0.1) })
        where !levels.contains(level) && level.region == region {
            guard let code = point(on: primaryLine(at: level), at: level) ?? point(on: .jiaji, at: level) else { continue }
            result.append(Candidate(
                point: code, sides: [.left, .right], role: .adjacent,
                reason: "Radiating further out: \(direction) the painful span, at \(level.rawValue).",
                sources: [ClinicalSources.who2008.id], priority: Candidate.Priority.furtherOut))
        }
        return result
    }

    /// The next line out at the painful levels, then at the levels just beyond them, on the painful side.
    private func lateral() -> [Candidate] {
        guard let top = levels.first, let bottom = levels.last else { return [] }
        let beyond = [top.advanced(by: -1), bottom.advanced(by: 1)].filter { !levels.contains($0) }
        let atLevels = levels.map { ($0, Candidate.Priority.lateral) } + beyond.map { ($0, Candidate.Priority.outerReach) }
        return atLevels.compactMap { level, priority in
            guard let code = point(on: lateralLine(at: level), at: level) else { return nil }
            return Candidate(
                point: code, sides: painSides, role: .adjacent,
                reason: "Radiating out sideways from the painful area, at \(level.rawValue) on the painful side.",
                sources: protocolFollowed.sources + [ClinicalSources.who2008.id], priority: priority)
        }
    }

    private func regional() -> [Candidate] {
        switch region {
        case .upper:
            return [Candidate(
                point: "SI11", sides: painSides, role: .adjacent,
                reason: "On the shoulder blade, where upper back pain often spreads.",
                sources: [ClinicalSources.who2008.id], priority: Candidate.Priority.regional)]
        case .middle, .lower:
            return []
        }
    }

    private func cherkinCore() -> [Candidate] {
        let sources = [ClinicalSources.cherkin2009.id]
        return [
            Candidate(point: "GV3", sides: [.midline], role: .local,
                      reason: "Standardised local point on the midline at L4 (Cherkin 2009).", sources: sources,
                      priority: Candidate.Priority.local),
            Candidate(point: "BL23", sides: [.left, .right], role: .local,
                      reason: "Standardised local point beside L2 on both sides (Cherkin 2009).", sources: sources,
                      priority: Candidate.Priority.local),
        ]
    }

    // MARK: - Distal and ear

    private func distal() -> [Candidate] {
        let both: [NeedleSide] = [.left, .right]
        let sources = [ClinicalSources.brinkhaus2006.id]
        func candidate(_ code: String, _ sides: [NeedleSide], _ reason: String, _ extra: [String] = []) -> Candidate {
            Candidate(point: code, sides: sides, role: .distal, reason: reason, sources: sources + extra,
                      priority: Candidate.Priority.distal)
        }
        switch (region, assessment.onset) {
        case (.lower, .acute):
            let opposite = assessment.side == .left ? [NeedleSide.right] : assessment.side == .right ? [.left] : both
            return [
                candidate("EX-UE7", both, "Acute low back sprain: needled on both hands while the patient gently moves the back.", [ClinicalSources.cheng1999.id]),
                candidate("SI3", opposite, "Acute sprain: on the side opposite the pain, with movement of the back.", [ClinicalSources.cheng1999.id]),
                candidate("BL40", both, "Distal point behind the knee for low back pain."),
            ]
        case (.lower, .subacute):
            if protocolFollowed == .cherkin2009 { fallthrough }
            return [
                candidate("BL40", both, "Distal point behind the knee for low back pain."),
                candidate("BL60", both, "Distal point at the outer ankle on the bladder channel that runs through the back."),
            ]
        case (.lower, .chronic):
            return [
                candidate("BL40", both, "Distal point behind the knee for low back pain.", protocolFollowed.sources),
                candidate("KI3", both, "Distal point at the inner ankle for long-standing low back pain.", protocolFollowed.sources),
            ]
        case (.middle, .acute), (.middle, .subacute):
            return [
                candidate("SI3", both, "Distal point on the hand for pain along the spine; move the back gently while it is in."),
                candidate("BL40", both, "Distal point behind the knee on the bladder channel that runs through the back."),
            ]
        case (.middle, .chronic):
            return [
                candidate("SI3", both, "Distal point on the hand for pain along the spine."),
                candidate("BL60", both, "Distal point at the outer ankle on the bladder channel that runs through the back."),
            ]
        case (.upper, _):
            return [
                candidate("SI3", both, "Distal point on the hand; its channel crosses the shoulder blade."),
                candidate("GB34", both, "Distal point below the knee for muscle tension across the shoulders."),
            ]
        }
    }

    private func radiating() -> [Candidate] {
        guard region == .lower, assessment.radiatesToLeg else { return [] }
        let sources = [ClinicalSources.brinkhaus2006.id]
        return [
            Candidate(point: "GB30", sides: painSides, role: .adjacent,
                      reason: "Pain radiating into the leg: on the buttock of the painful side.", sources: sources,
                      priority: Candidate.Priority.radiating),
            Candidate(point: "GB34", sides: painSides, role: .distal,
                      reason: "Pain radiating into the leg: below the knee on the painful side.", sources: sources,
                      priority: Candidate.Priority.radiating),
        ]
    }

    private func auricular() -> [Candidate] {
        let ear: [NeedleSide] = assessment.side == .right ? [.right] : [.left]
        let earNote = assessment.side == .both || assessment.side == .midline ? " Alternate ears between sessions." : ""
        let sources = [ClinicalSources.gbt13734.id]
        var result = [
            Candidate(point: region == .lower ? "AH9" : "AH11", sides: ear, role: .auricular,
                      reason: "Ear point for the \(region == .lower ? "lumbosacral" : "thoracic") spine.\(earNote)",
                      sources: sources, priority: Candidate.Priority.auricular),
            Candidate(point: "TF4", sides: ear, role: .auricular,
                      reason: "Shenmen, the ear point most used for pain and calm.\(earNote)", sources: sources,
                      priority: Candidate.Priority.auricular),
        ]
        if region == .lower, assessment.onset != .acute {
            result.append(Candidate(point: "CO10", sides: ear, role: .auricular,
                                    reason: "Ear point of the kidney, used for long-standing low back pain.", sources: sources,
                                    priority: Candidate.Priority.auricular))
        }
        if region == .lower, assessment.radiatesToLeg {
            result.append(Candidate(point: "AH6", sides: ear, role: .auricular,
                                    reason: "Ear point for sciatic pain.", sources: sources,
                                    priority: Candidate.Priority.radiating))
        }
        return result
    }

    // MARK: - Level table

    /// The catalogue point on `line` at `level`, if there is one (T8 has no bladder points).
    func point(on line: PointLine, at level: SpinalLevel) -> String? {
        catalogue.backPoint(line: line, level: level)
    }
}
