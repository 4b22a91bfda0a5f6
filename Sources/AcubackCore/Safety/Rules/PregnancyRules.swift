/// Points traditionally not needled in pregnancy (LI4, SP6, BL60, BL67) are left out, and the
/// lumbosacral points and GB21 are needled with caution (CLINICAL.md §5). The evidence for the
/// traditional bans is debated (Betts 2011), but Acuback flags them.
struct PregnancyPointRule: PointRule {
    static let forbidden = "pregnancy.forbidden-point"
    static let caution = "pregnancy.caution-point"

    func assess(
        _ point: AcupuncturePoint, _ needling: NeedlingData, side: NeedleSide, for assessment: Assessment,
        into verdict: inout PointVerdict
    ) {
        guard let week = assessment.patient.pregnancyWeek else { return }
        if needling.lies(in: .pregnancyForbidden) {
            verdict.blocks.append(Finding(
                severity: .block, rule: Self.forbidden, point: point.code,
                message: "\(point.label) is traditionally not needled in pregnancy (week \(week)); the evidence is debated, but it is left out.",
                source: ClinicalSources.betts2011.id))
        } else if needling.lies(in: .lumbosacral) || needling.lies(in: .pregnancyCaution) {
            verdict.cautions.append(Finding(
                severity: .warn, rule: Self.caution, point: point.code,
                message: "\(point.label) is needled with caution in pregnancy (week \(week)): shallow, gentle stimulation, and stop if it causes cramping.",
                source: ClinicalSources.cheng1999.id))
        }
    }
}
