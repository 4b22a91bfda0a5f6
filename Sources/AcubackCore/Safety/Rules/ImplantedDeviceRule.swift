/// No electrical stimulation for a patient with a pacemaker or another implanted device (WHO 1999).
struct ImplantedDeviceRule: PlanRule {
    static let id = "device.electroacupuncture"

    func findings(for assessment: Assessment) -> [Finding] {
        guard assessment.patient.implantedDevice else { return [] }
        if assessment.electroacupuncture {
            return [Finding(
                severity: .block, rule: Self.id,
                message: "Pacemaker or implanted device: electroacupuncture must not be used.",
                source: ClinicalSources.who1999.id,
                resolution: "electroacupuncture switched off; manual stimulation only")]
        }
        return [Finding(
            severity: .info, rule: Self.id,
            message: "Pacemaker or implanted device: manual stimulation only, never electrical.",
            source: ClinicalSources.who1999.id)]
    }
}
