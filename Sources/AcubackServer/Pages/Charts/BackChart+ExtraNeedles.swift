import AcubackServices
import AcubackCore

/// A needle put in at the chair that the plan did not have: at another catalogue point, or at a
/// tender point placed on the chart. The chair draws it beside the planned ones, so a tap on it
/// takes it out like any other.
struct ExtraNeedleMarker {
    let needle: NeedleKey
    let state: String

    /// The needle's label, as in the needle table ("extra needle at beside L3 (lowerBack L3 left)").
    var key: String { needle.description }
}

extension BackChart {
    /// Where an extra needle is drawn: its catalogue point's position, or the centre of the zone
    /// it was placed in.
    func position(of needle: NeedleKey) -> (x: Double, y: Double)? {
        if let code = needle.point, let side = needle.side {
            guard let chart = catalogue.point(code)?.needling?.chart, !chart.isEmpty else { return nil }
            return place(chart[min(chart.count, needle.site ?? 1) - 1], side: side)
        }
        guard let location = needle.bodyLocation else { return nil }
        let zones = Self.zones.filter { $0.area == location.area && ($0.level == nil || $0.level == location.level) }
        return (zones.first { $0.side == location.side } ?? zones.first)?.centre
    }

    func extraMarkers(zoomed: Bool = false) -> String {
        let box = zoomBox
        var svg = "<g class=\"needles extra-needles\">\n"
        for extra in extras {
            guard let (x, y) = position(of: extra.needle) else { continue }
            // One control per needle: on the enlarged back when it shows the spot.
            if (box?.contains(x, y) == true) != zoomed { continue }
            // An extra needle at an ear point is a control on the zoomed ears instead.
            if let code = extra.needle.point, catalogue.point(code)?.needling?.chart.first?.view == .ear { continue }
            let title = SVG.escape("\(extra.key), \(extra.state)")
            svg += """
                <g class="needle role-extra state-\(extra.state)" data-key="\(SVG.escape(extra.key))" data-state="\(extra.state)" \
                tabindex="0" role="button" aria-label="\(title)"><title>\(title)</title>\
                <circle cx="\(SVG.number(x))" cy="\(SVG.number(y))" r="13" class="hit"/>\
                <path d="M\(SVG.number(x - 6)) \(SVG.number(y - 6)) L\(SVG.number(x + 6)) \(SVG.number(y + 6)) M\(SVG.number(x + 6)) \(SVG.number(y - 6)) L\(SVG.number(x - 6)) \(SVG.number(y + 6))"/></g>

                """
        }
        return svg + "</g>\n"
    }
}
