/// Over the lung (the back from T1 to T12, the scapular points and the top of the shoulder) a
/// needle that goes too deep can cause a pneumothorax. Depth is capped, and capped to two thirds
/// for chronic lung disease, previous thoracic surgery or a low BMI, and while the BMI is not
/// recorded (unknown counts as low) (CLINICAL.md §5).
///
/// CLINICAL.md names T10 upward; the pleural recess reaches T12 beside the spine, so the zone runs to T12.
struct LungDepthRule: PointRule {
    static let id = "lung.depth-cap"
    static let gb21 = "lung.gb21-depth-cap"
    /// No point over the lung is needled deeper than this for anyone.
    static let zoneCapMm = 15
    /// GB21: skin to pleura measured 14.6–17.4 mm on ultrasound (Chen 2018); keep a margin below it.
    static let gb21CapMm = 10

    func assess(_ spot: NeedleSpot, for assessment: Assessment, into verdict: inout PointVerdict) {
        guard spot.lies(in: .lung) else { return }
        let isGB21 = spot.code == "GB21"
        var cap = isGB21 ? Self.gb21CapMm : Swift.min(spot.usualMaxDepthMm, Self.zoneCapMm)
        var why = ""
        if let reason = Self.raisedRisk(assessment.patient) {
            cap = cap * 2 / 3
            why = " Capped harder because of \(reason)."
        }
        let angle = isGB21 ? "pointing backwards, never down into the chest" : "angled towards the spine"
        verdict.cap(at: cap, Finding(
            severity: .warn, rule: isGB21 ? Self.gb21 : Self.id, point: spot.code,
            message: "\(spot.label) lies over the lung: no deeper than \(cap) mm, \(angle).\(why)",
            source: isGB21 ? ClinicalSources.chen2018.id : ClinicalSources.lin2013.id))
    }

    static func raisedRisk(_ patient: RiskFactors) -> String? {
        var reasons: [String] = []
        if patient.lungDisease { reasons.append("chronic lung disease") }
        if patient.thoracicSurgery { reasons.append("previous thoracic surgery") }
        if patient.hasLowBMI, let bmi = patient.bmi { reasons.append("a low BMI (\(bmi.formatted1))") }
        if patient.bmi == nil { reasons.append("a BMI not yet recorded (counted as low until it is)") }
        return reasons.isEmpty ? nil : reasons.joined(separator: " and ")
    }
}

extension Double {
    var formatted1: String {
        let tenths = (self * 10).rounded() / 10
        return tenths == tenths.rounded() ? String(Int(tenths)) : String(tenths)
    }
}
