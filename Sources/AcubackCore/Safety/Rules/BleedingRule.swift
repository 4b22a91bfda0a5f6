/// Bleeding risk: severe haemophilia and other severe bleeding disorders exclude needling; a mild
/// disorder or anticoagulants call for care but are not absolute contraindications (one minor bleed
/// in 3,974 treatments of anticoagulated patients, McCulloch 2015).
struct BleedingRule: PlanRule {
    static let severe = "bleeding.severe-disorder"
    static let mild = "bleeding.mild-disorder"
    static let anticoagulants = "bleeding.anticoagulants"

    func findings(for assessment: Assessment) -> [Finding] {
        var findings: [Finding] = []
        switch assessment.patient.bleedingDisorder {
        case .severe:
            findings.append(Finding(
                severity: .block, rule: Self.severe,
                message: "A severe bleeding disorder excludes needling. Do not treat; refer back to the patient's doctor.",
                source: ClinicalSources.mcCulloch2015.id))
        case .mild:
            findings.append(Finding(
                severity: .warn, rule: Self.mild,
                message: "Mild bleeding disorder: use fine needles, avoid deep points, press each site for a minute after removal.",
                source: ClinicalSources.mcCulloch2015.id))
        case .none:
            break
        }
        if assessment.patient.anticoagulants {
            findings.append(Finding(
                severity: .warn, rule: Self.anticoagulants,
                message: "Takes anticoagulants: needling is not contraindicated, but avoid deep points and press each site after removal.",
                source: ClinicalSources.mcCulloch2015.id))
        }
        return findings
    }
}

/// With anticoagulants or a mild bleeding disorder every needle goes shallower: two thirds of the
/// usual depth, so the "avoid deep points" warning changes the plan rather than only saying so.
struct ShallowNeedlingRule: PointRule {
    static let id = "bleeding.shallow-depth"

    func assess(_ spot: NeedleSpot, for assessment: Assessment, into verdict: inout PointVerdict) {
        let patient = assessment.patient
        guard patient.anticoagulants || patient.bleedingDisorder == .mild else { return }
        let cap = Swift.max(1, spot.usualMaxDepthMm * 2 / 3)
        let why = patient.anticoagulants ? "anticoagulants" : "a mild bleeding disorder"
        // Information only: the plan-wide warning about bleeding is the one acknowledged.
        verdict.cap(at: cap, Finding(
            severity: .info, rule: Self.id, point: spot.code,
            message: "\(spot.label): no deeper than \(cap) mm (two thirds of the usual depth) because of \(why); press the site after removal.",
            source: ClinicalSources.mcCulloch2015.id))
    }
}
