@testable import AcubackCore

/// Short ways to build assessments and read plans in the rule tests.
extension Assessment {
    static func lower(
        _ side: PainSide = .both, levels: [SpinalLevel] = [.L4, .L5], onset: Onset = .chronic,
        radiates: Bool = false, electro: Bool = false, preferred: TreatmentPosition? = nil, patient: RiskFactors = .none
    ) -> Assessment {
        Assessment(regions: [.lower], side: side, levels: levels, radiatesToLeg: radiates, onset: onset,
                   electroacupuncture: electro, preferredPosition: preferred, patient: patient)
    }

    static func upper(
        _ side: PainSide = .both, levels: [SpinalLevel] = [.T3, .T4], preferred: TreatmentPosition? = nil,
        patient: RiskFactors = .none
    ) -> Assessment {
        Assessment(regions: [.upper], side: side, levels: levels, onset: .chronic, preferredPosition: preferred, patient: patient)
    }
}

extension TreatmentPlan {
    func findings(rule: String) -> [Finding] { findings.filter { $0.rule == rule } }
    func finding(_ id: String) -> Finding? { findings.first { $0.id == id } }
    func needles(at point: String) -> [PlannedNeedle] { needles.filter { $0.point == point } }
    var points: Set<String> { Set(needles.map(\.point)) }
    var hasUnresolvedBlock: Bool { findings.contains(where: \.isUnresolvedBlock) }
}

func plan(_ assessment: Assessment, edits: [PlanEdit] = [], acknowledged: [String] = []) throws -> TreatmentPlan {
    try PrescriptionEngine().plan(for: assessment, edits: edits, acknowledged: acknowledged)
}
