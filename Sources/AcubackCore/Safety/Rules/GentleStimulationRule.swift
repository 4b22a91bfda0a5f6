/// Gentle stimulation only: strong stimulation is avoided at any point in pregnancy (Cheng 1999) and,
/// with anticoagulants or a mild bleeding disorder, dropped with the deep needling (McCulloch 2015).
/// The plan says so once; the chair refuses a needle recorded as strongly stimulated.
struct GentleStimulationRule: PlanRule {
    static let pregnancy = "pregnancy.no-strong-stimulation"
    static let bleeding = "bleeding.no-strong-stimulation"

    func findings(for assessment: Assessment) -> [Finding] {
        let patient = assessment.patient
        var findings: [Finding] = []
        if let week = patient.pregnancyWeek {
            findings.append(Finding(
                severity: .info, rule: Self.pregnancy,
                message: "Pregnancy (week \(week)): gentle stimulation only, at every point; no strong manipulation.",
                source: ClinicalSources.cheng1999.id, resolution: "strong stimulation left out"))
        }
        if patient.anticoagulants || patient.bleedingDisorder == .mild {
            let why = patient.anticoagulants ? "Takes anticoagulants" : "Mild bleeding disorder"
            findings.append(Finding(
                severity: .info, rule: Self.bleeding,
                message: "\(why): gentle stimulation only, with the shallower depths; no strong manipulation.",
                source: ClinicalSources.mcCulloch2015.id, resolution: "strong stimulation left out"))
        }
        return findings
    }
}
