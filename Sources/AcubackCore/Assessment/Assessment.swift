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

    enum CodingKeys: String, CodingKey {
        case regions, side, levels, radiatesToLeg, onset, electroacupuncture, preferredPosition, patient
    }

    /// Regions, side and onset are required; everything else has a plain default.
    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        regions = try values.decode([BackRegion].self, forKey: .regions)
        side = try values.decode(PainSide.self, forKey: .side)
        levels = try values.decodeIfPresent([SpinalLevel].self, forKey: .levels) ?? []
        radiatesToLeg = try values.decodeIfPresent(Bool.self, forKey: .radiatesToLeg) ?? false
        onset = try values.decode(Onset.self, forKey: .onset)
        electroacupuncture = try values.decodeIfPresent(Bool.self, forKey: .electroacupuncture) ?? false
        preferredPosition = try values.decodeIfPresent(TreatmentPosition.self, forKey: .preferredPosition)
        patient = try values.decodeIfPresent(RiskFactors.self, forKey: .patient) ?? .none
    }
}
