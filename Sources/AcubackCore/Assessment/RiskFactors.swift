/// How severe a patient's bleeding disorder is; severe haemophilia excludes needling.
public enum BleedingDisorder: String, Codable, Sendable, CaseIterable {
    case none, mild, severe
}

/// Parts of the body where the skin can be broken, infected or diseased, which rules out points there.
public enum SkinRegion: String, Codable, Sendable, CaseIterable {
    case neck, upperBack, middleBack, lowerBack, buttocks
    case leftLeg, rightLeg, leftFoot, rightFoot
    case leftHand, rightHand, leftEar, rightEar, head
}

/// The patient facts that change which points are safe and how a patient is positioned
/// (DESIGN.md data list; CLINICAL.md §5).
public struct RiskFactors: Codable, Sendable, Equatable {
    /// Week of pregnancy, or nil when not pregnant.
    public var pregnancyWeek: Int?
    public var anticoagulants: Bool
    public var bleedingDisorder: BleedingDisorder
    /// A pacemaker, implanted pump or other active device.
    public var implantedDevice: Bool
    public var lungDisease: Bool
    public var thoracicSurgery: Bool
    public var bmi: Double?
    public var faintingHistory: Bool
    public var needlePhobia: Bool
    public var epilepsy: Bool
    public var brokenSkinRegions: [SkinRegion]
    public var cannotLieProne: Bool

    public init(
        pregnancyWeek: Int? = nil,
        anticoagulants: Bool = false,
        bleedingDisorder: BleedingDisorder = .none,
        implantedDevice: Bool = false,
        lungDisease: Bool = false,
        thoracicSurgery: Bool = false,
        bmi: Double? = nil,
        faintingHistory: Bool = false,
        needlePhobia: Bool = false,
        epilepsy: Bool = false,
        brokenSkinRegions: [SkinRegion] = [],
        cannotLieProne: Bool = false
    ) {
        self.pregnancyWeek = pregnancyWeek
        self.anticoagulants = anticoagulants
        self.bleedingDisorder = bleedingDisorder
        self.implantedDevice = implantedDevice
        self.lungDisease = lungDisease
        self.thoracicSurgery = thoracicSurgery
        self.bmi = bmi
        self.faintingHistory = faintingHistory
        self.needlePhobia = needlePhobia
        self.epilepsy = epilepsy
        self.brokenSkinRegions = brokenSkinRegions
        self.cannotLieProne = cannotLieProne
    }

    public static let none = RiskFactors()

    public var isPregnant: Bool { pregnancyWeek != nil }
}
