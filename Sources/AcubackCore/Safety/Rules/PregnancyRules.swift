/// Pregnancy (CLINICAL.md §5): LI4, SP6, BL60, BL67, GB21 and the sacral foramina BL31–BL34 are
/// traditionally not needled at any stage, and from week 13 the lumbosacral points are avoided too
/// (Betts 2011; Cheng 1999), and so is the lower abdomen. The evidence is debated (Carr 2015), so the points are not silently
/// dropped: a generated plan leaves them out and says so, and at the chair a practitioner may
/// needle one only with a recorded reason. Before week 13 the lumbosacral points carry a caution.
struct PregnancyPointRule: PointRule {
    static let forbidden = "pregnancy.forbidden-point"
    static let lumbosacral = "pregnancy.lumbosacral-from-week-13"
    static let lowerAbdomen = "pregnancy.lower-abdomen-from-week-13"
    static let caution = "pregnancy.caution-point"
    /// The first week of the second trimester.
    static let secondTrimester = 13

    func assess(_ spot: NeedleSpot, for assessment: Assessment, into verdict: inout PointVerdict) {
        guard let week = assessment.patient.pregnancyWeek else { return }
        if spot.lies(in: .pregnancyForbidden) {
            verdict.blocks.append(Finding(
                severity: .block, rule: Self.forbidden, point: spot.code,
                message: "\(spot.label) is traditionally not needled in pregnancy (week \(week)); the evidence is debated, but it is left out.",
                source: ClinicalSources.betts2011.id))
        } else if spot.lies(in: .lumbosacral) && week >= Self.secondTrimester {
            verdict.blocks.append(Finding(
                severity: .block, rule: Self.lumbosacral, point: spot.code,
                message: "\(spot.label) is in the lumbosacral region, avoided from week 13 of pregnancy (week \(week)).",
                source: ClinicalSources.cheng1999.id))
        } else if spot.lies(in: .lowerAbdomen) && week >= Self.secondTrimester {
            verdict.blocks.append(Finding(
                severity: .block, rule: Self.lowerAbdomen, point: spot.code,
                message: "\(spot.label) is on the lower abdomen, avoided from week 13 of pregnancy (week \(week)).",
                source: ClinicalSources.cheng1999.id))
        } else if spot.lies(in: .lumbosacral) || spot.lies(in: .lowerAbdomen) || spot.lies(in: .pregnancyCaution) {
            verdict.cautions.append(Finding(
                severity: .warn, rule: Self.caution, point: spot.code,
                message: "\(spot.label) is needled with caution in pregnancy (week \(week)): shallow, gentle stimulation, and stop if it causes cramping.",
                source: ClinicalSources.cheng1999.id))
        }
    }
}
