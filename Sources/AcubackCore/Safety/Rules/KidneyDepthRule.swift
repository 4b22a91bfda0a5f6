/// Deep needling at BL52 can reach the kidney (CLINICAL.md §5): depth is capped, lower in a slim patient.
struct KidneyDepthRule: PointRule {
    static let id = "kidney.depth-cap"
    static let capMm = 20
    static let lowBMICapMm = 15

    func assess(
        _ point: AcupuncturePoint, _ needling: NeedlingData, side: NeedleSide, for assessment: Assessment,
        into verdict: inout PointVerdict
    ) {
        guard needling.lies(in: .kidney) else { return }
        let cap = assessment.patient.hasLowBMI ? Self.lowBMICapMm : Self.capMm
        verdict.cap(at: cap, Finding(
            severity: .warn, rule: Self.id, point: point.code,
            message: "\(point.label) lies over the kidney: no deeper than \(cap) mm.",
            source: ClinicalSources.cheng1999.id))
    }
}
