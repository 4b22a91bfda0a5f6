import AcubackServices
import AcubackCore

/// At the chair the ear points get a chart of their own, both ears drawn three times the inset's
/// size: on the small inset three or four ear points sit within a fingertip of each other, so a
/// tap there could take the wrong needle. The inset still shows them, but only the zoom takes taps.
extension BackChart {
    static let earZoomScale = 2.2
    static let earZoomOrigins: [NeedleSide: Double] = [.left: 14, .right: 254]
    static let earZoomTop = 20.0

    /// Where an ear position sits on the zoom.
    func earZoomPlace(_ position: ChartPosition, side: NeedleSide) -> (Double, Double) {
        let right = side == .right
        let localX = right ? 100 - position.x : position.x
        return (Self.earZoomOrigins[right ? .right : .left]! + localX * Self.earZoomScale, Self.earZoomTop + position.y * Self.earZoomScale)
    }

    /// The ear needles of the plan and the extra ones at ear points, with their chart positions.
    var earNeedles: [(key: String, role: NeedleRole?, position: ChartPosition, side: NeedleSide, title: String)] {
        var found: [(String, NeedleRole?, ChartPosition, NeedleSide, String)] = []
        for needle in plan.needles {
            guard let point = catalogue.point(needle.point), let chart = point.needling?.chart else { continue }
            let index = max(0, (needle.site ?? 1) - 1)
            guard index < chart.count, chart[index].view == .ear else { continue }
            found.append((needle.key, needle.role, chart[index], needle.side, "\(point.label), \(needle.side.rawValue), at most \(needle.maxDepthMm) mm"))
        }
        for extra in extras {
            guard let code = extra.needle.point, let side = extra.needle.side, let chart = catalogue.point(code)?.needling?.chart, !chart.isEmpty else { continue }
            let position = chart[min(chart.count, extra.needle.site ?? 1) - 1]
            guard position.view == .ear else { continue }
            found.append((extra.key, nil, position, side, extra.key))
        }
        return found
    }

    /// The zoomed ears with their needles as controls, or nil when the plan has no ear needle.
    func earZoom() -> String? {
        guard let states, !earNeedles.isEmpty else { return nil }
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 480 390" role="img" aria-labelledby="ear-title" class="back-chart ear-zoom">
            <title id="ear-title">Ear points, drawn larger</title>
            <g class="insets" aria-hidden="true">
            """
        for side in [NeedleSide.left, .right] {
            let x = Self.earZoomOrigins[side]!
            let flip = side == .right ? " translate(\(SVG.number(100 * Self.earZoomScale)),0) scale(-1,1)" : ""
            svg += "<g transform=\"translate(\(SVG.number(x)),\(SVG.number(Self.earZoomTop)))\(flip) scale(\(SVG.number(Self.earZoomScale)))\" class=\"inset-figure\">"
            svg += Self.outline(.ear) + "</g>"
            svg += "<text x=\"\(SVG.number(x + 80))\" y=\"380\" class=\"inset-side\">\(side == .left ? "Left ear" : "Right ear")</text>\n"
        }
        svg += "</g>\n<g class=\"needles\">\n"
        for needle in earNeedles {
            let (x, y) = earZoomPlace(needle.position, side: needle.side)
            let state = states[needle.key] ?? extras.first { $0.key == needle.key }?.state ?? "waiting"
            let title = SVG.escape("\(needle.title), \(state)")
            let role = needle.role.map { "role-\($0.rawValue)" } ?? "role-extra"
            svg += """
                <g class="needle \(role) state-\(state)" data-key="\(SVG.escape(needle.key))" data-state="\(state)" tabindex="0" role="button" \
                aria-label="\(title)"><title>\(title)</title><circle cx="\(SVG.number(x))" cy="\(SVG.number(y))" r="24" class="hit"/>
                """
            svg += Self.marker(for: needle.role ?? .auricular, x: x, y: y) + "</g>\n"
        }
        return svg + "</g>\n</svg>"
    }
}
