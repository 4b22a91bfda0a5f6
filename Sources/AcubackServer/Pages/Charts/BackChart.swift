import AcubackServices
import AcubackCore

/// Draws a plan on Acuback's own back chart: the back seen from behind with the three regions
/// (shaded where it hurts), and insets for the ears, the backs of the hands and the tops of the
/// feet. Each needle is a marker whose colour and shape give its role, so the chart reads
/// without colour too; the needle table beside it carries the same facts as text.
package struct BackChart {
    let plan: TreatmentPlan
    let painfulRegions: [BackRegion]
    let catalogue: PointCatalogue
    /// At the chair: each needle's state by its key ("BL23 left"); the markers then become
    /// controls that the chair script turns into taps on the needle's In or Out button.
    var states: [String: String]?
    /// At the chair: the needles put in that the plan did not have.
    var extras: [ExtraNeedleMarker]

    package init(plan: TreatmentPlan, painfulRegions: [BackRegion], catalogue: PointCatalogue, states: [String: String]? = nil) {
        self.init(plan: plan, painfulRegions: painfulRegions, catalogue: catalogue, states: states, extras: [])
    }

    init(plan: TreatmentPlan, painfulRegions: [BackRegion], catalogue: PointCatalogue, states: [String: String]?, extras: [ExtraNeedleMarker]) {
        self.plan = plan
        self.painfulRegions = painfulRegions
        self.catalogue = catalogue
        self.states = states
        self.extras = extras
    }

    static let width = 480.0
    static let height = 700.0
    static let bodyWidth = 300.0
    static let insetScale = 0.7
    /// Where each inset pair sits: (x of the left image, y).
    static let insetOrigins: [ChartPosition.View: (x: Double, y: Double, label: String)] = [
        .ear: (312, 24, "Ears"), .hand: (312, 212, "Backs of the hands"), .foot: (312, 400, "Tops of the feet"),
    ]

    package func render() -> String {
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(Int(Self.width)) \(Int(Self.height))" role="img" \
            aria-labelledby="chart-title chart-desc" class="back-chart">
            <title id="chart-title">Needle plan on the back chart</title>
            <desc id="chart-desc">\(SVG.escape(description))</desc>

            """
        svg += body()
        svg += regions()
        svg += insets()
        if states != nil { svg += abdomenFigure() + zoneTargets() }
        svg += markers()
        svg += extraMarkers()
        svg += "</svg>"
        return svg
    }

    var description: String {
        let regions = painfulRegions.map(\.rawValue).joined(separator: " and ")
        let counts = NeedleRole.allCases.map { role in "\(plan.needles.filter { $0.role == role }.count) \(role.rawValue)" }
        return "Back seen from behind, \(regions) back shaded as painful. \(plan.needleCount) needles: \(counts.joined(separator: ", ")). The table of needles beside the chart lists each one."
    }

    // MARK: - Figure

    func body() -> String {
        """
        <g class="figure" aria-hidden="true">
        <circle cx="150" cy="46" r="32"/>
        <path d="M136 76 h28 v22 h-28 z"/>
        <path d="M70 100 Q150 88 230 100 L236 200 Q224 260 210 300 Q220 360 218 420 Q214 470 200 476 L150 482 L100 476 Q86 470 82 420 Q80 360 90 300 Q76 260 64 200 Z"/>
        <path d="M70 100 Q52 110 50 170 L44 300 Q42 360 40 396 L56 398 L64 300 L72 210 Z"/>
        <path d="M230 100 Q248 110 250 170 L256 300 Q258 360 260 396 L244 398 L236 300 L228 210 Z"/>
        <path d="M100 476 L96 560 Q92 620 104 664 L108 690 L140 690 L142 664 Q146 620 146 560 L150 482 Z"/>
        <path d="M200 476 L204 560 Q208 620 196 664 L192 690 L160 690 L158 664 Q154 620 154 560 L150 482 Z"/>
        <line x1="150" y1="96" x2="150" y2="440" class="spine"/>
        </g>

        """
    }

    func regions() -> String {
        let bands: [(BackRegion, Double, Double)] = [(.upper, 108, 196), (.middle, 196, 286), (.lower, 286, 470)]
        var svg = "<g class=\"regions\">\n"
        for (region, top, bottom) in bands {
            let painful = painfulRegions.contains(region)
            svg += """
                <rect x="66" y="\(SVG.number(top))" width="168" height="\(SVG.number(bottom - top))" \
                class="region\(painful ? " region-painful" : "")" data-region="\(region.rawValue)"\(painful ? " data-painful=\"true\"" : "")/>
                <text x="240" y="\(SVG.number(top + 16))" class="region-label">\(region.rawValue.capitalized)\(painful ? " (painful)" : "")</text>

                """
        }
        return svg + "</g>\n"
    }

    private func insets() -> String {
        var svg = "<g class=\"insets\" aria-hidden=\"true\">\n"
        for view in [ChartPosition.View.ear, .hand, .foot] {
            let origin = Self.insetOrigins[view]!
            svg += "<text x=\"\(SVG.number(origin.x))\" y=\"\(SVG.number(origin.y - 6))\" class=\"inset-label\">\(origin.label)</text>\n"
            for side in [NeedleSide.left, .right] {
                let (x, y) = insetOffset(view, side)
                let flip = side == .right ? " translate(\(SVG.number(100 * Self.insetScale)),0) scale(-1,1)" : ""
                svg += "<g transform=\"translate(\(SVG.number(x)),\(SVG.number(y)))\(flip) scale(\(Self.insetScale))\" class=\"inset-figure\">"
                svg += Self.outline(view)
                svg += "</g>\n"
                svg += "<text x=\"\(SVG.number(x + 35))\" y=\"\(SVG.number(y + 126))\" class=\"inset-side\">\(side == .left ? "Left" : "Right")</text>\n"
            }
        }
        return svg + "</g>\n"
    }

    static func outline(_ view: ChartPosition.View) -> String {
        switch view {
        case .ear:
            "<path d=\"M70 8 Q96 20 92 70 Q88 110 64 130 Q50 150 40 152 Q26 150 30 132 Q34 116 24 100 Q10 80 16 44 Q24 6 70 8 Z\"/><path d=\"M66 24 Q80 40 74 76 Q66 100 52 112\" class=\"detail\"/>"
        case .hand:
            "<rect x=\"24\" y=\"66\" width=\"60\" height=\"74\" rx=\"14\"/><rect x=\"24\" y=\"14\" width=\"12\" height=\"56\" rx=\"6\"/><rect x=\"38\" y=\"6\" width=\"12\" height=\"64\" rx=\"6\"/><rect x=\"52\" y=\"8\" width=\"12\" height=\"62\" rx=\"6\"/><rect x=\"66\" y=\"18\" width=\"12\" height=\"52\" rx=\"6\"/><path d=\"M84 84 L98 70 Q104 74 98 92 L86 118 Z\"/>"
        case .foot:
            "<path d=\"M30 20 Q50 4 80 14 Q92 40 88 90 Q84 140 64 152 Q40 156 30 130 Q20 90 30 20 Z\"/><circle cx=\"80\" cy=\"10\" r=\"8\"/><circle cx=\"62\" cy=\"6\" r=\"6\"/><circle cx=\"47\" cy=\"8\" r=\"5\"/><circle cx=\"34\" cy=\"12\" r=\"5\"/><circle cx=\"22\" cy=\"18\" r=\"5\"/>"
        case .back:
            ""
        }
    }

    private func insetOffset(_ view: ChartPosition.View, _ side: NeedleSide) -> (Double, Double) {
        let origin = Self.insetOrigins[view]!
        return (origin.x + (side == .right ? 84 : 0), origin.y)
    }

    // MARK: - Needles

    /// `zoomed`: the markers of the enlarged back at the chair, which alone take taps on the
    /// needles it shows; the whole chart then draws those for orientation only.
    func markers(zoomed: Bool = false) -> String {
        let box = zoomBox
        var svg = "<g class=\"needles\">\n"
        for needle in plan.needles {
            guard let point = catalogue.point(needle.point), let needling = point.needling else { continue }
            let positions = needling.chart
            let index = max(0, (needle.site ?? 1) - 1)
            guard index < positions.count else { continue }
            let (x, y) = place(positions[index], side: needle.side)
            let label = "\(point.label), \(needle.side.rawValue), \(needle.role.rawValue), at most \(needle.maxDepthMm) mm"
            var attributes = "class=\"needle role-\(needle.role.rawValue)\" data-point=\"\(SVG.escape(point.code))\" data-side=\"\(needle.side.rawValue)\" data-role=\"\(needle.role.rawValue)\""
            var title = label
            let inZoom = positions[index].view == .back && box?.contains(x, y) == true
            if zoomed && !inZoom { continue }
            if states != nil, !zoomed, positions[index].view == .ear || inZoom {
                // Drawn for orientation only: the enlarged back and ears take the taps.
                let state = states?[needle.key] ?? "waiting"
                svg += "<g class=\"needle role-auricular state-\(state)\" aria-hidden=\"true\">\(Self.marker(for: needle.role, x: x, y: y))</g>\n"
                continue
            }
            if let state = states?[needle.key] {
                title += ", \(state)"
                attributes = attributes.replacingOccurrences(of: "class=\"needle ", with: "class=\"needle state-\(state) ")
                attributes += " data-key=\"\(SVG.escape(needle.key))\" data-state=\"\(state)\" tabindex=\"0\" role=\"button\" aria-label=\"\(SVG.escape(title))\""
            }
            svg += "<g \(attributes)>"
            svg += "<title>\(SVG.escape(title))</title>"
            if states != nil {
                // A finger-sized target around the small marker.
                svg += "<circle cx=\"\(SVG.number(x))\" cy=\"\(SVG.number(y))\" r=\"13\" class=\"hit\"/>"
            }
            svg += Self.marker(for: needle.role, x: x, y: y)
            svg += "</g>\n"
        }
        return svg + "</g>\n"
    }

    func place(_ position: ChartPosition, side: NeedleSide) -> (Double, Double) {
        switch position.view {
        case .back:
            return (side == .right ? Self.bodyWidth - position.x : position.x, position.y)
        case .ear, .hand, .foot:
            let (x, y) = insetOffset(position.view, side == .right ? .right : .left)
            let localX = side == .right ? 100 - position.x : position.x
            return (x + localX * Self.insetScale, y + position.y * Self.insetScale)
        }
    }

    /// Distinct shapes per role, for readers who cannot tell the colours apart.
    static func marker(for role: NeedleRole, x: Double, y: Double) -> String {
        let cx = SVG.number(x)
        let cy = SVG.number(y)
        switch role {
        case .local:
            return "<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"5.5\"/>"
        case .adjacent:
            return "<rect x=\"\(SVG.number(x - 5))\" y=\"\(SVG.number(y - 5))\" width=\"10\" height=\"10\" transform=\"rotate(45 \(cx) \(cy))\"/>"
        case .distal:
            return "<rect x=\"\(SVG.number(x - 5))\" y=\"\(SVG.number(y - 5))\" width=\"10\" height=\"10\"/>"
        case .auricular:
            return "<path d=\"M\(cx) \(SVG.number(y - 6)) L\(SVG.number(x + 6)) \(SVG.number(y + 5)) L\(SVG.number(x - 6)) \(SVG.number(y + 5)) Z\"/>"
        }
    }
}
