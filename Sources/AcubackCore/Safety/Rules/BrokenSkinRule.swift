/// No needle through broken, infected or diseased skin (CLINICAL.md §5; WHO 1999).
struct BrokenSkinRule: PointRule {
    static let id = "skin.broken"

    func assess(_ spot: NeedleSpot, for assessment: Assessment, into verdict: inout PointVerdict) {
        let region = spot.skinRegion
        guard assessment.patient.brokenSkinRegions.contains(region) else { return }
        verdict.blocks.append(Finding(
            severity: .block, rule: Self.id, point: spot.code,
            message: "\(spot.label) would go through broken or diseased skin (\(region.rawValue)).",
            source: ClinicalSources.who1999.id))
    }
}
