/// A tender ("ashi") point the practitioner picks on the body chart: the area, the spinal level for
/// a point on the back, the side, and words for where exactly. The safety rules read the area and
/// level as they read a catalogue point's, so the lung and kidney zones and broken skin apply here too.
public struct BodyLocation: Codable, Sendable, Hashable {
    public var area: BodyArea
    public var level: SpinalLevel?
    public var side: NeedleSide
    public var note: String

    public init(area: BodyArea, level: SpinalLevel? = nil, side: NeedleSide, note: String) {
        self.area = area
        self.level = level
        self.side = side
        self.note = note
    }

    /// The levels each part of the back covers; a point there must name one.
    public static func levels(of area: BodyArea) -> ClosedRange<SpinalLevel>? {
        switch area {
        case .neck: .C7 ... .T1
        case .upperBack: .T1 ... .T6
        case .middleBack: .T7 ... .T12
        case .lowerBack: .L1 ... .S4
        case .buttocks: .S1 ... .S4
        default: nil
        }
    }

    public func validate() throws(ValidationError) {
        var errors = FieldErrorCollector()
        if let range = Self.levels(of: area) {
            errors.check(
                level.map(range.contains) == true, "level",
                "must be a spinal level from \(range.lowerBound.rawValue) to \(range.upperBound.rawValue) for a tender point on the \(area.rawValue)")
        }
        let words = note.trimmingCharacters(in: .whitespacesAndNewlines)
        errors.check(!words.isEmpty, "location", "must say where the tender point is, in words")
        errors.check(words.count <= 200, "location", "must be at most 200 characters")
        let onOneSide: Set<BodyArea> = [.leg, .foot, .hand, .ear]
        errors.check(!(onOneSide.contains(area) && side == .midline), "side", "must be left or right on the \(area.rawValue)")
        try errors.throwIfAny()
    }

    /// The safety zones under this spot: the whole chest wall of the back and the neck's base over
    /// the lung, the loins at T12–L2 beside the spine over the kidney, the lumbosacral region and
    /// the lower abdomen.
    var zones: [SafetyZone] {
        var zones: [SafetyZone] = []
        switch area {
        case .neck, .upperBack, .middleBack: zones.append(.lung)
        case .lowerBack, .buttocks: zones.append(.lumbosacral)
        case .lowerAbdomen: zones.append(.lowerAbdomen)
        default: break
        }
        if let level, [SpinalLevel.T12, .L1, .L2].contains(level), side != .midline, area == .middleBack || area == .lowerBack {
            zones.append(.kidney)
        }
        return zones
    }

}

/// Where a needle goes, as every safety rule sees it: a catalogue point on a side, or a tender
/// point at a body location. One check for both (CLINICAL.md §5: safety holds at every needle).
public struct NeedleSpot: Sendable, Hashable {
    /// The catalogue code, nil for a tender point.
    public let code: String?
    public let label: String
    public let area: BodyArea
    public let level: SpinalLevel?
    public let side: NeedleSide
    public let zones: [SafetyZone]
    /// The deepest the point is usually needled, before any rule limits it further.
    public let usualMaxDepthMm: Int
    public let angle: NeedleAngle

    public init(point: AcupuncturePoint, needling: NeedlingData, side: NeedleSide) {
        code = point.code
        label = point.label
        area = needling.area
        level = needling.level
        self.side = side
        zones = needling.zones
        usualMaxDepthMm = needling.depthMm.max
        angle = needling.angle
    }

    /// - Parameter usualMaxDepthMm: how deep the catalogue's points in the same area usually go,
    ///   so a tender point is never needled deeper than its neighbours.
    public init(_ location: BodyLocation, usualMaxDepthMm: Int) {
        code = nil
        label = "the tender point (\(location.note.trimmingCharacters(in: .whitespacesAndNewlines)))"
        area = location.area
        level = location.level
        side = location.side
        zones = location.zones
        self.usualMaxDepthMm = usualMaxDepthMm
        angle = location.zones.contains(.lung) ? .obliqueMedial : .perpendicular
    }

    public func lies(in zone: SafetyZone) -> Bool { zones.contains(zone) }

    /// No electrical current here in pregnancy: the lumbosacral region and the abdomen (CLINICAL.md §5).
    public var barsCurrentInPregnancy: Bool { lies(in: .lumbosacral) || lies(in: .lowerAbdomen) }

    public var skinRegion: SkinRegion { area.skinRegion(side: side) }
}
