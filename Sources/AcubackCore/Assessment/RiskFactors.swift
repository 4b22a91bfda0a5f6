/// How severe a patient's bleeding disorder is; severe haemophilia excludes needling.
public enum BleedingDisorder: String, Codable, Sendable, CaseIterable {
    case none, mild, severe
}

/// Parts of the body where the skin can be broken, infected or diseased, which rules out points there.
public enum SkinRegion: String, Codable, Sendable, CaseIterable {
    case neck, upperBack, middleBack, lowerBack, buttocks
    case leftLeg, rightLeg, leftFoot, rightFoot
    case leftHand, rightHand, leftEar, rightEar, head
    case lowerAbdomen
}

/// The patient facts that change which points are safe and how a patient is positioned
/// (DESIGN.md data list; CLINICAL.md §5).
public struct RiskFactors: Codable, Sendable, Equatable {
    /// Week of pregnancy on `pregnancyRecordedOn`, or nil when not pregnant.
    public var pregnancyWeek: Int?
    /// The day the week was recorded, so the week on any later day is worked out, never stale.
    public var pregnancyRecordedOn: CalendarDay?
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
    /// Where a metal implant lies (a joint replacement, plates, screws): no electrical current through it.
    public var metalImplantRegions: [SkinRegion]
    public var cannotLieProne: Bool

    public init(
        pregnancyWeek: Int? = nil,
        pregnancyRecordedOn: CalendarDay? = nil,
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
        metalImplantRegions: [SkinRegion] = [],
        cannotLieProne: Bool = false
    ) {
        self.pregnancyWeek = pregnancyWeek
        self.pregnancyRecordedOn = pregnancyRecordedOn
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
        self.metalImplantRegions = metalImplantRegions
        self.cannotLieProne = cannotLieProne
    }

    public static let none = RiskFactors()

    enum CodingKeys: String, CodingKey {
        case pregnancyWeek, pregnancyRecordedOn, anticoagulants, bleedingDisorder, implantedDevice, lungDisease, thoracicSurgery, bmi
        case faintingHistory, needlePhobia, epilepsy, brokenSkinRegions, metalImplantRegions, cannotLieProne
    }

    /// Every risk factor may be left out; a missing one means the patient does not have it.
    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        pregnancyWeek = try values.decodeIfPresent(Int.self, forKey: .pregnancyWeek)
        pregnancyRecordedOn = try values.decodeIfPresent(CalendarDay.self, forKey: .pregnancyRecordedOn)
        anticoagulants = try values.decodeIfPresent(Bool.self, forKey: .anticoagulants) ?? false
        bleedingDisorder = try values.decodeIfPresent(BleedingDisorder.self, forKey: .bleedingDisorder) ?? .none
        implantedDevice = try values.decodeIfPresent(Bool.self, forKey: .implantedDevice) ?? false
        lungDisease = try values.decodeIfPresent(Bool.self, forKey: .lungDisease) ?? false
        thoracicSurgery = try values.decodeIfPresent(Bool.self, forKey: .thoracicSurgery) ?? false
        bmi = try values.decodeIfPresent(Double.self, forKey: .bmi)
        faintingHistory = try values.decodeIfPresent(Bool.self, forKey: .faintingHistory) ?? false
        needlePhobia = try values.decodeIfPresent(Bool.self, forKey: .needlePhobia) ?? false
        epilepsy = try values.decodeIfPresent(Bool.self, forKey: .epilepsy) ?? false
        brokenSkinRegions = try values.decodeIfPresent([SkinRegion].self, forKey: .brokenSkinRegions) ?? []
        metalImplantRegions = try values.decodeIfPresent([SkinRegion].self, forKey: .metalImplantRegions) ?? []
        cannotLieProne = try values.decodeIfPresent(Bool.self, forKey: .cannotLieProne) ?? false
    }

    /// Below this body-mass index the chest wall is thin and the lung lies closer to the skin.
    public static let lowBMI = 18.5

    public var hasLowBMI: Bool { bmi.map { $0 < Self.lowBMI } ?? false }

    /// A patient in whom the pleura is nearer or more fragile: stricter depth over the lung.
    public var hasRaisedPneumothoraxRisk: Bool { lungDisease || thoracicSurgery || hasLowBMI }

    /// Prone lying is impractical after the first trimester (week 13).
    public var isPastFirstTrimester: Bool { (pregnancyWeek ?? 0) > 13 }

    public var isPregnant: Bool { pregnancyWeek != nil }

    /// The longest a pregnancy is counted; after it the week is taken as over.
    public static let lastPregnancyWeek = 42

    /// The risk factors as they stand on `day`: the week of pregnancy moved on from the day it was
    /// recorded (and none once past week 42). Without a recorded day the week is kept as given.
    public func on(_ day: CalendarDay) -> RiskFactors {
        guard let week = pregnancyWeek, let recorded = pregnancyRecordedOn else { return self }
        var current = self
        let now = week + max(0, day.days(since: recorded)) / 7
        current.pregnancyWeek = now > Self.lastPregnancyWeek ? nil : now
        return current
    }

    /// Keeps the day a week of pregnancy was given on, unless it was already kept for the same week.
    public func recordingPregnancy(on day: CalendarDay, previous: RiskFactors?) -> RiskFactors {
        var risks = self
        guard let week = pregnancyWeek else {
            risks.pregnancyRecordedOn = nil
            return risks
        }
        if risks.pregnancyRecordedOn == nil {
            let carried = previous.flatMap { old in old.pregnancyRecordedOn != nil && old.on(day).pregnancyWeek == week ? old.pregnancyRecordedOn : nil }
            risks.pregnancyRecordedOn = carried ?? day
            if carried != nil { risks.pregnancyWeek = previous?.pregnancyWeek }
        }
        return risks
    }

    /// A given day for the week must be a real past day within a pregnancy's length.
    public func checkPregnancyDate(today: CalendarDay, into errors: inout FieldErrorCollector) {
        guard let recorded = pregnancyRecordedOn else { return }
        errors.check(
            recorded <= today && today.days(since: recorded) <= Self.lastPregnancyWeek * 7, "pregnancyRecordedOn",
            "must be a day in the last \(Self.lastPregnancyWeek) weeks, not in the future")
    }
}
