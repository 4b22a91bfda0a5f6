/// Deep needling at BL52 can reach the kidney (CLINICAL.md §5): depth is capped, lower in a slim patient.
struct KidneyDepthRule: PointRule {
    static let id = "kidney.depth-cap"
    static let capMm = 20
    static let lowBMICapMm = 15

    func assess(_ spot: NeedleSpot, for assessment: Assessment, into verdict: inout PointVerdict) {
        guard spot.lies(in: .kidney) else { return }
        // A missing BMI counts as a low one until it is recorded.
        let slim = assessment.patient.hasLowBMI || assessment.patient.bmi == nil
        let cap = slim ? Self.lowBMICapMm : Self.capMm
        let why = assessment.patient.bmi == nil ? " The BMI is not recorded, so the slim patient's limit applies." : ""
        verdict.cap(at: cap, Finding(
            severity: .warn, rule: Self.id, point: spot.code,
            message: "\(spot.label) lies over the kidney: no deeper than \(cap) mm.\(why)",
            source: ClinicalSources.cheng1999.id))
    }
}
