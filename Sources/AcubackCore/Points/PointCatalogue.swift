/// The versioned list of points Acuback knows: the 361 WHO standard points, the extra points and
/// the ear points the engine uses, with full needling data for every point it can prescribe.
public struct PointCatalogue: Sendable {
    public let version: String
    /// In catalogue order: WHO points by meridian and number, then extra points, then ear points.
    public let points: [AcupuncturePoint]
    private let index: [String: Int]
    /// Each point's code exactly as the catalogue writes it: the engine asks by these codes many
    /// times a plan, and normalising what people type costs more than the rest of the lookup.
    private let exact: [String: Int]
    /// The level table: the back point on each line at each level.
    private let levelTable: [LevelKey: String]

    struct LevelKey: Hashable {
        let line: PointLine
        let level: SpinalLevel
    }

    static let backAreas: Set<BodyArea> = [.neck, .upperBack, .middleBack, .lowerBack]

    init(version: String, points: [AcupuncturePoint]) {
        self.version = version
        self.points = points
        var index: [String: Int] = [:]
        var exact: [String: Int] = [:]
        var levelTable: [LevelKey: String] = [:]
        for (position, point) in points.enumerated() {
            index[PointCode.key(point.code)] = position
            if let needling = point.needling, let level = needling.level, Self.backAreas.contains(needling.area) {
                let key = LevelKey(line: needling.line, level: level)
                if levelTable[key] == nil { levelTable[key] = point.code }
            }
        }
        for point in points { exact[point.code] = index[PointCode.key(point.code)] }
        self.index = index
        self.exact = exact
        self.levelTable = levelTable
    }

    /// The back point on `line` at `level` (the level table of CLINICAL.md §2), if there is one:
    /// T8, for example, has no bladder-line point.
    public func backPoint(line: PointLine, level: SpinalLevel) -> String? {
        levelTable[LevelKey(line: line, level: level)]
    }

    /// The point with this code or alias, or nil.
    public func point(_ code: String) -> AcupuncturePoint? {
        (exact[code] ?? index[PointCode.key(code)]).map { points[$0] }
    }

    /// Points whose code or alias matches `code`; a family code such as "EX-B2" matches every level.
    public func points(matching code: String) -> [AcupuncturePoint] {
        if let exact = point(code) { return [exact] }
        let key = PointCode.key(code)
        guard !key.isEmpty else { return [] }
        return points.filter { point in
            let pointKey = PointCode.key(point.code)
            return pointKey.hasPrefix(key) && pointKey.dropFirst(key.count).first.map { !$0.isNumber } == true
        }
    }

    /// Filters the catalogue; every filter given must hold.
    public func points(
        region: PointRegion? = nil, meridian: Meridian? = nil, level: SpinalLevel? = nil, code: String? = nil,
        prescribableOnly: Bool = false
    ) -> [AcupuncturePoint] {
        var result = code.map(points(matching:)) ?? points
        if let meridian { result = result.filter { $0.meridian == meridian } }
        if let region { result = result.filter { $0.needling.map(region.contains) ?? false } }
        if let level { result = result.filter { $0.needling?.level == level } }
        if prescribableOnly { result = result.filter(\.isPrescribable) }
        return result
    }
}

/// A part of the body to list points by: the three back regions, or a distal area.
public enum PointRegion: String, Codable, Sendable, CaseIterable {
    case upper, middle, lower, leg, foot, hand, ear, head

    func contains(_ needling: NeedlingData) -> Bool {
        switch self {
        case .upper: needling.area == .upperBack || needling.area == .neck
        case .middle: needling.area == .middleBack
        case .lower: needling.area == .lowerBack || needling.area == .buttocks
        case .leg: needling.area == .leg
        case .foot: needling.area == .foot
        case .hand: needling.area == .hand
        case .ear: needling.area == .ear
        case .head: needling.area == .head
        }
    }
}

extension PointCatalogue {
    /// The deepest the catalogue's points in an area are usually needled (Cheng 1999, as the
    /// catalogue carries it): how deep a tender point there may go before any rule limits it.
    public func usualMaxDepthMm(in area: BodyArea) -> Int {
        points.compactMap(\.needling).filter { $0.area == area }.map(\.depthMm.max).max() ?? 10
    }
}
