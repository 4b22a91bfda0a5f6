import Foundation

/// The wave an electroacupuncture stimulator sends.
public enum Waveform: String, Codable, Sendable, CaseIterable {
    case continuous, denseDisperse, intermittent
}

/// Two needles joined to one channel of a stimulator, with the settings used (CLINICAL.md §5:
/// the two points, frequency, waveform, intensity and duration are recorded for each pair; STRICTA 2e).
public struct ElectricalPair: Codable, Sendable, Equatable {
    public var first: NeedleKey
    public var second: NeedleKey
    public var frequencyHz: Double
    public var waveform: Waveform
    /// Milliamperes; nil when turned up only as far as the patient tolerated.
    public var intensityMa: Double?
    public var durationMinutes: Int
    public var at: Date

    public init(
        first: NeedleKey, second: NeedleKey, frequencyHz: Double, waveform: Waveform, intensityMa: Double?, durationMinutes: Int, at: Date
    ) {
        self.first = first
        self.second = second
        self.frequencyHz = frequencyHz
        self.waveform = waveform
        self.intensityMa = intensityMa
        self.durationMinutes = durationMinutes
        self.at = at
    }

    public static let frequencies = 1.0...200.0
    public static let intensities = 0.1...20.0
    public static let durations = 1...60

    public func validate() throws(ValidationError) {
        var errors = FieldErrorCollector()
        errors.check(first != second, "second", "must be another needle: a pair joins two needles")
        errors.check(Self.frequencies.contains(frequencyHz), "frequencyHz", "must be from 1 to 200 Hz")
        if let intensityMa { errors.check(Self.intensities.contains(intensityMa), "intensityMa", "must be from 0.1 to 20 mA, or left out for 'as tolerated'") }
        errors.check(Self.durations.contains(durationMinutes), "durationMinutes", "must be from 1 to 60 minutes")
        try errors.throwIfAny()
    }

    /// "BL23 left – BL25 left, 2 Hz dense-disperse, as tolerated, 20 min", for reports.
    public var summary: String {
        let hz = frequencyHz == frequencyHz.rounded() ? String(Int(frequencyHz)) : String(frequencyHz)
        let strength = intensityMa.map { "\($0) mA" } ?? "as tolerated"
        return "\(first) – \(second), \(hz) Hz \(waveform.rawValue), \(strength), \(durationMinutes) min"
    }
}

extension ChairSafetyCheck {
    public static let pairSideRule = "electroacupuncture.one-side"
    public static let pairChestRule = "electroacupuncture.across-the-chest"
    public static let pairHeadRule = "electroacupuncture.head"
    public static let pairPregnancyRule = "electroacupuncture.pregnancy"
    public static let pairSkinRule = "electroacupuncture.skin-in-path"
    public static let pairImplantRule = "electroacupuncture.metal-implant-in-path"

    /// Checks an electroacupuncture pair: the patient and plan allow it, each pair stays on one side
    /// of the body, no current across the chest or on the head, none over the lumbosacral region in
    /// pregnancy, none through broken skin (Cummings 2011; CCAOM Clean Needle Technique, EA).
    public func check(_ pair: ElectricalPair) throws(NeedleRefusal) {
        if let why = electricalRefusal { throw .noElectricalStimulation(rule: Self.electricalRule, why: why) }
        guard let first = spot(for: pair.first), let second = spot(for: pair.second) else {
            throw .noElectricalStimulation(rule: "needle.unplaced", why: "both needles must be placed, at catalogue points or on the body chart")
        }
        let sides = Set([first.side, second.side])
        if sides.count > 1 {
            throw .noElectricalStimulation(rule: Self.pairSideRule, why: "a pair is stimulated on one side of the body; \(pair.first) and \(pair.second) are not")
        }
        if first.lies(in: .lung) || second.lies(in: .lung) {
            throw .noElectricalStimulation(rule: Self.pairChestRule, why: "a needle over the chest wall would put current across the chest")
        }
        if [first.area, second.area].contains(where: { [.head, .ear].contains($0) }) {
            throw .noElectricalStimulation(rule: Self.pairHeadRule, why: "no current on the head")
        }
        let patient = engine.assessment.patient
        if patient.isPregnant && (first.barsCurrentInPregnancy || second.barsCurrentInPregnancy) {
            throw .noElectricalStimulation(rule: Self.pairPregnancyRule, why: "no current over the lumbosacral region or the abdomen in pregnancy")
        }
        // The current runs between the two needles: the skin regions at both ends are in its path.
        if let broken = [first.skinRegion, second.skinRegion].first(where: patient.brokenSkinRegions.contains) {
            throw .noElectricalStimulation(rule: Self.pairSkinRule, why: "broken skin (\(broken.rawValue)) in the current's path")
        }
        if let implant = [first.skinRegion, second.skinRegion].first(where: patient.metalImplantRegions.contains) {
            throw .noElectricalStimulation(rule: Self.pairImplantRule, why: "a metal implant (\(implant.rawValue)) in the current's path")
        }
    }
}
