/// Where the pairs of a plan that uses electroacupuncture may go, said in the plan as the chair
/// enforces it (Cummings 2011): each pair on one side, never across the chest or on the head; in
/// pregnancy not over the lumbosacral region or the abdomen; no current through broken skin or a
/// metal implant. The plan does not fix the pairs, so the limits are one finding, not a change.
struct ElectroacupunctureRule: PlanRule {
    static let id = "electroacupuncture.limits"

    func findings(for assessment: Assessment) -> [Finding] {
        let patient = assessment.patient
        guard assessment.electroacupuncture, !patient.implantedDevice, !patient.epilepsy else { return [] }
        var limits = ["each pair on one side of the body", "no needle of a pair over the chest wall or on the head"]
        if let week = patient.pregnancyWeek { limits.append("none over the lumbosacral region or the abdomen (pregnancy, week \(week))") }
        func words(_ regions: [SkinRegion]) -> String { regions.map(\.rawValue).joined(separator: ", ") }
        if !patient.brokenSkinRegions.isEmpty { limits.append("no current through the broken skin (\(words(patient.brokenSkinRegions)))") }
        if !patient.metalImplantRegions.isEmpty { limits.append("no current through the metal implant (\(words(patient.metalImplantRegions)))") }
        return [Finding(
            severity: .info, rule: Self.id,
            message: "Electroacupuncture pairs: " + limits.joined(separator: "; ") + ". The chair refuses any other pair.",
            source: ClinicalSources.cummings2011.id)]
    }
}
