/// Chooses how the patient lies or sits: prone by default; seated or side-lying where prone is
/// impossible or suits the upper back; never seated with a history of fainting, epilepsy or
/// needle phobia, because a patient who faints sitting up can fall (CLINICAL.md §5; WHO 1999).
enum PositionRule {
    static let changedRule = "position.changed"
    static let pregnancyRule = "pregnancy.position"

    struct Outcome {
        var position: TreatmentPosition
        var findings: [Finding]
    }

    static func choose(for assessment: Assessment) -> Outcome {
        let patient = assessment.patient
        let mustLieDown = patient.faintingHistory || patient.epilepsy || patient.needlePhobia
        let proneRuledOut = patient.cannotLieProne || patient.isPastFirstTrimester
        var findings: [Finding] = []

        if patient.isPastFirstTrimester {
            findings.append(Finding(
                severity: .info, rule: pregnancyRule,
                message: "Week \(patient.pregnancyWeek ?? 0) of pregnancy: lying face down is impractical after the first trimester.",
                source: ClinicalSources.practiceRule.id))
        }

        var allowed = TreatmentPosition.allCases.filter { candidate in
            switch candidate {
            case .prone: !proneRuledOut
            case .seated: !mustLieDown
            case .sideLying: true
            }
        }
        if allowed.isEmpty { allowed = [.sideLying] }

        if let preferred = assessment.preferredPosition {
            if allowed.contains(preferred) { return Outcome(position: preferred, findings: findings) }
            let chosen = fallback(allowed: allowed, assessment: assessment)
            findings.append(Finding(
                severity: .info, rule: changedRule,
                message: "\(describe(preferred).capitalizedFirst) was asked for but is not safe for this patient (\(reasons(for: preferred, patient))); \(describe(chosen)) instead.",
                source: preferred == .seated ? ClinicalSources.who1999.id : ClinicalSources.practiceRule.id))
            return Outcome(position: chosen, findings: findings)
        }
        return Outcome(position: fallback(allowed: allowed, assessment: assessment), findings: findings)
    }

    private static func fallback(allowed: [TreatmentPosition], assessment: Assessment) -> TreatmentPosition {
        // Seated suits a plan for the upper back alone; otherwise lie the patient down.
        if assessment.regions == [.upper], allowed.contains(.seated) { return .seated }
        for position in [TreatmentPosition.prone, .sideLying, .seated] where allowed.contains(position) {
            return position
        }
        return .sideLying
    }

    private static func reasons(for position: TreatmentPosition, _ patient: RiskFactors) -> String {
        var reasons: [String] = []
        switch position {
        case .prone:
            if patient.cannotLieProne { reasons.append("cannot lie prone") }
            if patient.isPastFirstTrimester { reasons.append("pregnant beyond the first trimester") }
        case .seated:
            if patient.faintingHistory { reasons.append("history of fainting") }
            if patient.epilepsy { reasons.append("epilepsy") }
            if patient.needlePhobia { reasons.append("needle phobia") }
        case .sideLying:
            break
        }
        return reasons.joined(separator: ", ")
    }

    static func describe(_ position: TreatmentPosition) -> String {
        switch position {
        case .prone: "lying face down"
        case .seated: "sitting upright"
        case .sideLying: "lying on the side"
        }
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
