/// The published protocol a plan follows, or the level-built one where no trial protocol exists.
public enum TreatmentProtocol: String, Codable, Sendable, CaseIterable {
    /// Individualised selection from the ART trial's lists, used when the painful lumbar levels are known.
    case brinkhaus2006
    /// The standardised prescription of Cherkin 2009, used when no levels were palpated.
    case cherkin2009
    /// Built from the level table for the upper and middle back, where no trial protocol was found.
    case levelBuilt

    public var name: String {
        switch self {
        case .brinkhaus2006: "Brinkhaus 2006"
        case .cherkin2009: "Cherkin 2009"
        case .levelBuilt: "Level-built (upper and middle back)"
        }
    }

    public var sources: [String] {
        switch self {
        case .brinkhaus2006: [ClinicalSources.brinkhaus2006.id]
        case .cherkin2009: [ClinicalSources.cherkin2009.id]
        case .levelBuilt: [ClinicalSources.who2008.id]
        }
    }

    /// The points the trial's protocol used (for the ART trial, its lists to choose from); nil for
    /// the level-built plan, which follows no trial. A plan labelled with a trial says point by
    /// point how it differs from this list.
    public var trialPoints: Set<String>? {
        switch self {
        case .cherkin2009:
            return ["GV3", "BL23", "BL40", "KI3"]
        case .brinkhaus2006:
            let bladder = (20...34).map { "BL\($0)" } + (50...54).map { "BL\($0)" }
            let jiaji = SpinalLevel.allCases.filter { $0 >= .T1 && $0 <= .L5 }.map { "EX-B2-\($0.rawValue)" }
            let local = bladder + jiaji + ["GB30", "GV3", "GV4", "GV5", "GV6", "EX-B8"]
            let distal = ["SI3", "BL40", "BL60", "BL62", "KI3", "KI7", "GB31", "GB34", "GB41", "LR3", "GV14", "GV20"]
            return Set(local + distal)
        case .levelBuilt:
            return nil
        }
    }

    static func `for`(_ region: BackRegion, _ assessment: Assessment) -> TreatmentProtocol {
        guard region == .lower else { return .levelBuilt }
        return assessment.levels.contains { $0.region == .lower } ? .brinkhaus2006 : .cherkin2009
    }

    func rationale(for region: BackRegion, _ assessment: Assessment) -> String {
        let levels = assessment.painfulLevels(in: region).map(\.rawValue).joined(separator: "–")
        switch self {
        case .brinkhaus2006:
            return "Lower back (\(levels)): local points at and around the painful levels, on both sides, and distal points, chosen from the lists of the ART trial (Brinkhaus 2006: at least four local and two distal points on both sides, 12 sessions over 8 weeks)."
        case .cherkin2009:
            return "Lower back, no painful levels palpated: the standardised prescription of Cherkin 2009 (GV3, and BL23, BL40 and KI3 on both sides; 20 minutes with de qi), extended with adjacent and ear points to the usual 15–20 needles. Add one needle at the most tender spot at the chair and record it by location."
        case .levelBuilt:
            return "\(region.rawValue.capitalizedFirst) back (\(levels)): no trial protocol exists for \(region.rawValue) back pain, so the plan is built from the level table (WHO 2008): points beside the painful levels, the levels above and below, the outer line, and distal points on the hands and legs."
        }
    }
}
