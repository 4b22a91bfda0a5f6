/// Precautions that shape how a patient is treated rather than which points are used: a history of
/// fainting, epilepsy and needle phobia (CLINICAL.md §5). The position rule keeps these patients lying down.
struct PrecautionRules: PlanRule {
    static let fainting = "precaution.fainting-history"
    static let epilepsy = "precaution.epilepsy"
    static let phobia = "precaution.needle-phobia"

    func findings(for assessment: Assessment) -> [Finding] {
        var findings: [Finding] = []
        let patient = assessment.patient
        if patient.faintingHistory {
            findings.append(Finding(
                severity: .warn, rule: Self.fainting,
                message: "History of fainting: needle lying down, never seated; stay close and watch for pallor or sweating.",
                source: ClinicalSources.who1999.id))
        }
        if patient.epilepsy {
            findings.append(Finding(
                severity: .warn, rule: Self.epilepsy,
                message: "Epilepsy: treat lying down, do not leave the patient alone while needles are in"
                    + (assessment.electroacupuncture ? "; no electroacupuncture (Acuback does not record whether the epilepsy is controlled)." : "."),
                source: ClinicalSources.practiceRule.id,
                resolution: assessment.electroacupuncture ? "electroacupuncture switched off" : nil))
        }
        if patient.needlePhobia {
            findings.append(Finding(
                severity: .warn, rule: Self.phobia,
                message: "Needle phobia: explain each step, treat lying down, keep the first retention short.",
                source: ClinicalSources.practiceRule.id))
        }
        return findings
    }
}
