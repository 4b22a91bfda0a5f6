/// A practitioner's change to a proposed plan. After edits the safety rules run again.
public struct PlanEdit: Codable, Sendable, Equatable {
    public enum Action: String, Codable, Sendable, CaseIterable, NamedChoice {
        case add, remove, changeSide, changeDepth

        public init(from decoder: any Decoder) throws { self = try Self.decodeChoice(from: decoder) }
    }

    public var action: Action
    public var point: String
    /// The needle's side; for `remove` and `changeDepth` leaving it out means every side.
    public var side: NeedleSide?
    /// For `add`: the role, when not the usual one for where the point lies.
    public var role: NeedleRole?
    /// For `changeSide`: the new side.
    public var toSide: NeedleSide?
    /// For `add` and `changeDepth`: the deepest the needle may go.
    public var depthMm: Int?

    public init(
        action: Action, point: String, side: NeedleSide? = nil, role: NeedleRole? = nil, toSide: NeedleSide? = nil,
        depthMm: Int? = nil
    ) {
        self.action = action
        self.point = point
        self.side = side
        self.role = role
        self.toSide = toSide
        self.depthMm = depthMm
    }

    public static let depthRange = 1...100
}

/// Applies edits to a plan's needles, checking each against the catalogue and the plan.
struct PlanEditor {
    let catalogue: PointCatalogue

    func apply(_ edits: [PlanEdit], to needles: [PlannedNeedle]) throws(ValidationError) -> [PlannedNeedle] {
        var needles = needles
        var errors = FieldErrorCollector()
        for (index, edit) in edits.enumerated() {
            let field = "edits[\(index)]"
            guard let point = catalogue.point(edit.point) else {
                errors.add("\(field).point", "'\(edit.point)' is not a point in the catalogue")
                continue
            }
            guard let needling = point.needling else {
                errors.add("\(field).point", "\(point.code) has no needling data in catalogue \(catalogue.version), so it cannot be planned")
                continue
            }
            if let depth = edit.depthMm, !PlanEdit.depthRange.contains(depth) {
                errors.add("\(field).depthMm", "must be from 1 to 100 millimetres")
                continue
            }
            let matches = needles.indices.filter { needles[$0].point == point.code && (edit.side == nil || needles[$0].side == edit.side) }
            switch edit.action {
            case .add:
                guard let side = edit.side ?? (needling.bilateral ? nil : .midline) else {
                    errors.add("\(field).side", "is required to add a needle")
                    continue
                }
                guard Self.sides(for: needling).contains(side) else {
                    errors.add("\(field).side", "\(point.code) is needled on \(Self.sides(for: needling).map(\.rawValue).joined(separator: " or "))")
                    continue
                }
                guard matches.isEmpty else {
                    errors.add("\(field).point", "\(point.code) \(side.rawValue) is already in the plan")
                    continue
                }
                for site in 1...needling.chart.count {
                    needles.append(PlannedNeedle(
                        point: point.code, side: side, site: needling.chart.count > 1 ? site : nil,
                        role: edit.role ?? Self.usualRole(for: needling), maxDepthMm: edit.depthMm ?? needling.depthMm.max,
                        angle: needling.angle, reason: "Added by the practitioner.", sources: needling.sources,
                        origin: .practitioner, depthSetByPractitioner: edit.depthMm != nil))
                }
            case .remove:
                guard !matches.isEmpty else {
                    errors.add("\(field).point", "\(Self.describe(point.code, edit.side)) is not in the plan")
                    continue
                }
                needles.remove(atOffsets: matches)
            case .changeSide:
                guard let from = edit.side, let to = edit.toSide else {
                    errors.add("\(field).\(edit.side == nil ? "side" : "toSide")", "is required to change a needle's side")
                    continue
                }
                guard !matches.isEmpty else {
                    errors.add("\(field).point", "\(Self.describe(point.code, from)) is not in the plan")
                    continue
                }
                guard Self.sides(for: needling).contains(to) else {
                    errors.add("\(field).toSide", "\(point.code) is needled on \(Self.sides(for: needling).map(\.rawValue).joined(separator: " or "))")
                    continue
                }
                guard !needles.contains(where: { $0.point == point.code && $0.side == to }) else {
                    errors.add("\(field).toSide", "\(point.code) \(to.rawValue) is already in the plan")
                    continue
                }
                for position in matches {
                    needles[position].side = to
                    needles[position].origin = .practitioner
                    needles[position].reason = "Side changed by the practitioner. " + needles[position].reason
                }
            case .changeDepth:
                guard let depth = edit.depthMm else {
                    errors.add("\(field).depthMm", "is required to change a needle's depth")
                    continue
                }
                guard !matches.isEmpty else {
                    errors.add("\(field).point", "\(Self.describe(point.code, edit.side)) is not in the plan")
                    continue
                }
                for position in matches {
                    needles[position].maxDepthMm = depth
                    needles[position].depthSetByPractitioner = true
                }
            }
        }
        try errors.throwIfAny()
        return needles
    }

    static func sides(for needling: NeedlingData) -> [NeedleSide] {
        needling.bilateral ? [.left, .right] : [.midline]
    }

    static func usualRole(for needling: NeedlingData) -> NeedleRole {
        switch needling.area {
        case .ear: .auricular
        case .upperBack, .middleBack, .lowerBack, .neck, .buttocks, .lowerAbdomen: .adjacent
        case .leg, .foot, .hand, .head: .distal
        }
    }

    static func describe(_ code: String, _ side: NeedleSide?) -> String {
        side.map { "\(code) \($0.rawValue)" } ?? code
    }
}

extension Array {
    mutating func remove(atOffsets offsets: [Int]) {
        for offset in offsets.sorted(by: >) { remove(at: offset) }
    }
}
