/// The fourteen meridians of the WHO standard, by their WHO code.
public enum Meridian: String, Codable, Sendable, CaseIterable {
    case LU, LI, ST, SP, HT, SI, BL, KI, PC, TE, GB, LR, GV, CV

    /// Points on the two midline vessels are single; every other meridian runs on both sides.
    public var isMidline: Bool { self == .GV || self == .CV }
}

public enum PointKind: String, Codable, Sendable {
    /// One of the 361 points of the WHO 2008 standard.
    case standard
    /// An extra point outside the meridians (EX-…).
    case extra
    /// An ear point (GB/T 13734-2008 code).
    case auricular
}

/// Where on the body a point lies, which decides which skin it goes through.
public enum BodyArea: String, Codable, Sendable, CaseIterable {
    case head, neck, upperBack, middleBack, lowerBack, buttocks, leg, foot, hand, ear
    /// Below the navel, on the front: no catalogue point of Acuback's lies here, but a tender
    /// point may, and pregnancy rules it out from week 13.
    case lowerAbdomen

    /// The skin region a needle on `side` goes through.
    public func skinRegion(side: NeedleSide) -> SkinRegion {
        let left = side != .right
        switch self {
        case .head: return .head
        case .neck: return .neck
        case .upperBack: return .upperBack
        case .middleBack: return .middleBack
        case .lowerBack: return .lowerBack
        case .buttocks: return .buttocks
        case .lowerAbdomen: return .lowerAbdomen
        case .leg: return left ? .leftLeg : .rightLeg
        case .foot: return left ? .leftFoot : .rightFoot
        case .hand: return left ? .leftHand : .rightHand
        case .ear: return left ? .leftEar : .rightEar
        }
    }
}

/// The direction a needle goes in.
public enum NeedleAngle: String, Codable, Sendable, CaseIterable {
    case perpendicular, obliqueMedial, obliqueLateral, obliqueUpward, obliqueProximal, transverse
    /// Pointing backwards, away from the chest (GB21 over the apex of the lung).
    case obliquePosterior
}

/// What lies under a point that the safety rules care about.
public enum SafetyZone: String, Codable, Sendable, CaseIterable {
    /// Over the lung and pleura: the back from T1 to T12, the scapular points and the top of the shoulder.
    case lung
    /// Over the kidney when needled deep (BL52).
    case kidney
    /// The low back and sacrum, needled with caution in pregnancy.
    case lumbosacral
    /// Below the navel, avoided in pregnancy from week 13 and never in an electrical current's path.
    case lowerAbdomen
    /// Traditionally forbidden in pregnancy.
    case pregnancyForbidden
    /// Needled with caution in pregnancy.
    case pregnancyCaution
}

/// The vertical lines of the back the engine builds plans along, from the spine outwards.
public enum PointLine: String, Codable, Sendable {
    case midline, jiaji, foramen, innerBladder, outerBladder, scapula, shoulder, leg, ankle, foot, hand, ear
}

/// Where a point is drawn on Acuback's own charts. Positions are for the patient's left side;
/// the right side mirrors them.
public struct ChartPosition: Codable, Sendable, Hashable {
    public enum View: String, Codable, Sendable, CaseIterable { case back, ear, foot, hand }

    public let view: View
    public let x: Double
    public let y: Double
}

/// A typical needling depth range in millimetres.
public struct DepthRange: Sendable, Hashable {
    public let min: Int
    public let max: Int
}

extension DepthRange: Codable {
    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        min = try container.decode(Int.self)
        max = try container.decode(Int.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(min)
        try container.encode(max)
    }
}

/// Everything needed to needle a point safely; present for every point the engine can prescribe.
public struct NeedlingData: Codable, Sendable, Hashable {
    public let area: BodyArea
    public let level: SpinalLevel?
    public let line: PointLine
    public let bilateral: Bool
    /// Where to find the point, in Acuback's own words.
    public let location: String
    public let depthMm: DepthRange
    public let angle: NeedleAngle
    public let zones: [SafetyZone]
    /// One position per needle on a side (EX-UE7 has two on each hand).
    public let chart: [ChartPosition]
    /// Points to use instead when a safety rule rules this one out, best first.
    public let alternatives: [String]
    public let sources: [String]

    public func lies(in zone: SafetyZone) -> Bool { zones.contains(zone) }
}

/// One acupuncture point of the catalogue.
public struct AcupuncturePoint: Codable, Sendable, Hashable, Identifiable {
    public let code: String
    public let pinyin: String
    public let hanzi: String
    public let english: String
    public let meridian: Meridian?
    public let kind: PointKind
    /// Nil for points the engine never prescribes and that carry names only.
    public let needling: NeedlingData?
    /// Where the code and names come from (the needling data cites its own sources).
    public let source: String

    public var id: String { code }

    /// A label for people: "BL23 Shenshu".
    public var label: String { "\(code) \(pinyin)" }

    public var isPrescribable: Bool { needling != nil }
}
