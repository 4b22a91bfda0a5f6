/// How the patient is placed for needling.
public enum TreatmentPosition: String, Codable, Sendable, CaseIterable {
    case prone, seated, sideLying
}

/// What the practitioner records at the first consultation: where the back hurts and what
/// about the patient changes the treatment.
public struct Assessment: Codable, Sendable, Equatable {
    public var regions: [BackRegion]
    public var side: PainSide
    /// Levels of the tender site, when the practitioner has palpated them.
    public var levels: [SpinalLevel]
    public var radiatesToLeg: Bool
    public var onset: Onset
    public var electroacupuncture: Bool
    public var preferredPosition: TreatmentPosition?
    public var patient: RiskFactors

    public init(
        regions: [BackRegion],
        side: PainSide,
        levels: [SpinalLevel] = [],
        radiatesToLeg: Bool = false,
        onset: Onset,
        electroacupuncture: Bool = false,
        preferredPosition: TreatmentPosition? = nil,
        patient: RiskFactors = .none
    ) {
        self.regions = regions
        self.side = side
        self.levels = levels
        self.radiatesToLeg = radiatesToLeg
        self.onset = onset
        self.electroacupuncture = electroacupuncture
        self.preferredPosition = preferredPosition
        self.patient = patient
    }
}
