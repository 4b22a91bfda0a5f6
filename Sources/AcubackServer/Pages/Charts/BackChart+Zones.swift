import AcubackServices
import AcubackCore

/// A place on the back chart where a tender point can be put: its part of the body, spinal level
/// and side, and the rectangle it covers in the chart's coordinates.
struct ChartZone: Equatable {
    let area: BodyArea
    let level: SpinalLevel?
    let side: NeedleSide
    let x: Double
    let y: Double
    let width: Double
    let height: Double

    func contains(x px: Double, y py: Double) -> Bool {
        px >= x && px < x + width && py >= y && py < y + height
    }

    var centre: (x: Double, y: Double) { (x + width / 2, y + height / 2) }

    /// "lower back, L3, left", for the zone's accessible name.
    var words: String {
        [BodyAreaWords.label(area).lowercased(), level?.rawValue, side.rawValue].compactMap { $0 }.joined(separator: ", ")
    }
}

/// The zones are drawn from the same coordinates as the figure and the catalogue's chart
/// positions (C7 at y 106, each level 15 lower, down to S4 at 421), so a tap on the chart gives
/// the area and level a catalogue point at that spot has. The page script only reads the zone's
/// data; the geometry is here, once.
extension BackChart {
    static let firstLevelY = 106.0
    static let levelStep = 15.0
    static let midlineHalfWidth = 4.0
    /// Beside the sacrum further out than this from the spine is the buttock (BL53 and BL54 sit at 30).
    static let buttockOffset = 26.0

    static func levelY(_ level: SpinalLevel) -> Double { firstLevelY + Double(level.ordinal) * levelStep }

    /// The part of the body a tender point at this level and distance from the spine is on.
    static func area(at level: SpinalLevel, offset: Double) -> BodyArea {
        switch level {
        case .C7: .neck
        case .T1 ... .T6: .upperBack
        case .T7 ... .T12: .middleBack
        case .S1 ... .S4 where offset >= buttockOffset: .buttocks
        default: .lowerBack
        }
    }

    static let zones: [ChartZone] = {
        var zones: [ChartZone] = []
        let centre = bodyWidth / 2
        let (left, right) = (66.0, 234.0)
        // The torso's strips: left of the spine, on it, right of it, at each level. The first band
        // reaches up over the shoulders, the last down to the hips.
        let strips: [(NeedleSide, Double, Double)] = [
            (.left, left, centre - midlineHalfWidth), (.midline, centre - midlineHalfWidth, centre + midlineHalfWidth),
            (.right, centre + midlineHalfWidth, right),
        ]
        for level in SpinalLevel.allCases {
            let top = level == .C7 ? 88 : levelY(level) - levelStep / 2
            let bottom = level == .S4 ? 476 : levelY(level) + levelStep / 2
            for (side, from, to) in strips {
                // Split the sacral bands where the buttocks begin, so each zone has one area.
                let cuts = level >= .S1 && side != .midline
                    ? (side == .left ? [from, centre - buttockOffset, to] : [from, centre + buttockOffset, to]) : [from, to]
                for (start, end) in zip(cuts, cuts.dropFirst()) {
                    let offset = abs((start + end) / 2 - centre)
                    zones.append(ChartZone(
                        area: area(at: level, offset: offset), level: level, side: side, x: start, y: top, width: end - start, height: bottom - top))
                }
            }
        }
        // The head, the legs down to the ankles, the heels (the foot seen from behind), and the ear,
        // hand and foot insets.
        zones.append(ChartZone(area: .head, level: nil, side: .midline, x: 118, y: 14, width: 64, height: 62))
        for (side, from, to) in [(NeedleSide.left, 92.0, centre), (.right, centre, 208.0)] {
            zones.append(ChartZone(area: .leg, level: nil, side: side, x: from, y: 476, width: to - from, height: 184))
            zones.append(ChartZone(area: .foot, level: nil, side: side, x: from, y: 660, width: to - from, height: 36))
        }
        // The lower abdomen, seen from the front: the patient's right is on the viewer's left.
        let belly = abdomenInset
        let third = (belly.width - 2 * midlineHalfWidth) / 2
        for (side, from, width) in [
            (NeedleSide.right, belly.x, third), (.midline, belly.x + third, 2 * midlineHalfWidth), (.left, belly.x + third + 2 * midlineHalfWidth, third),
        ] {
            zones.append(ChartZone(area: .lowerAbdomen, level: nil, side: side, x: from, y: belly.y, width: width, height: belly.height))
        }
        for (view, area) in [(ChartPosition.View.ear, BodyArea.ear), (.hand, .hand), (.foot, .foot)] {
            for side in [NeedleSide.left, .right] {
                let origin = insetOrigins[view]!
                let x = origin.x + (side == .right ? 84 : 0)
                zones.append(ChartZone(area: area, level: nil, side: side, x: x, y: origin.y, width: 100 * insetScale, height: 160 * insetScale))
            }
        }
        return zones
    }()

    /// Where the chair draws the lower abdomen, below the foot insets.
    static let abdomenInset = (x: 312.0, y: 560.0, width: 154.0, height: 96.0)

    /// The front of the lower abdomen, drawn at the chair only: tender points may be placed there,
    /// and the pregnancy and electroacupuncture rules then apply to them.
    func abdomenFigure() -> String {
        let box = Self.abdomenInset
        let navel = (x: box.x + box.width / 2, y: box.y + 14)
        return """
            <g class="insets" aria-hidden="true">
            <text x="\(SVG.number(box.x))" y="\(SVG.number(box.y - 6))" class="inset-label">Lower abdomen (front)</text>
            <g class="inset-figure"><rect x="\(SVG.number(box.x))" y="\(SVG.number(box.y))" width="\(SVG.number(box.width))" \
            height="\(SVG.number(box.height))" rx="24"/><circle cx="\(SVG.number(navel.x))" cy="\(SVG.number(navel.y))" r="3" class="detail"/></g>
            <text x="\(SVG.number(box.x + 8))" y="\(SVG.number(box.y + box.height + 16))" class="inset-side">Right</text>
            <text x="\(SVG.number(box.x + box.width - 30))" y="\(SVG.number(box.y + box.height + 16))" class="inset-side">Left</text>
            </g>

            """
    }

    static func zone(atX x: Double, y: Double) -> ChartZone? {
        zones.first { $0.contains(x: x, y: y) }
    }

    /// The zones as transparent tap targets under the needle markers, for the chair only.
    /// `within`: only the zones whose centre the enlarged back shows, so none is cut off at its edge.
    func zoneTargets(within box: ChartBox? = nil) -> String {
        var svg = "<g class=\"zones\">\n"
        for zone in Self.zones where box.map({ $0.contains(zone.centre.x, zone.centre.y) }) ?? true {
            svg += """
                <rect x="\(SVG.number(zone.x))" y="\(SVG.number(zone.y))" width="\(SVG.number(zone.width))" height="\(SVG.number(zone.height))" \
                class="zone" data-area="\(zone.area.rawValue)" data-level="\(zone.level?.rawValue ?? "")" data-side="\(zone.side.rawValue)">\
                <title>Tender point here: \(SVG.escape(zone.words))</title></rect>

                """
        }
        return svg + "</g>\n"
    }
}
