import AcubackServices
import AcubackCore

/// At the chair the painful part of the back is drawn again, enlarged: on the whole chart the
/// points beside the spine sit 14 units apart, under 10 px on a phone, so no fingertip could tell
/// them apart. The enlarged view shows the local and adjacent needles at least three times the
/// size, and takes the taps on them (and places tender points there too).
struct ChartBox: Equatable {
    var minX: Double
    var minY: Double
    var maxX: Double
    var maxY: Double

    var width: Double { maxX - minX }
    var height: Double { maxY - minY }

    func contains(_ x: Double, _ y: Double) -> Bool { x >= minX && x <= maxX && y >= minY && y <= maxY }
}

extension BackChart {
    static let zoomMargin = 24.0
    static let zoomMinimumSide = 110.0

    /// The part of the back the local and adjacent needles cover, with a margin, at least
    /// `zoomMinimumSide` each way; nil away from the chair or with no needle on the back.
    var zoomBox: ChartBox? {
        guard states != nil else { return nil }
        let spots = plan.needles.filter { $0.role == .local || $0.role == .adjacent }.compactMap { needle -> (Double, Double)? in
            guard let chart = catalogue.point(needle.point)?.needling?.chart else { return nil }
            let index = max(0, (needle.site ?? 1) - 1)
            guard index < chart.count, chart[index].view == .back else { return nil }
            return place(chart[index], side: needle.side)
        }
        guard let first = spots.first else { return nil }
        var box = ChartBox(minX: first.0, minY: first.1, maxX: first.0, maxY: first.1)
        for (x, y) in spots {
            box = ChartBox(minX: min(box.minX, x), minY: min(box.minY, y), maxX: max(box.maxX, x), maxY: max(box.maxY, y))
        }
        let width = max(box.width + 2 * Self.zoomMargin, Self.zoomMinimumSide)
        let height = max(box.height + 2 * Self.zoomMargin, Self.zoomMinimumSide)
        let centreX = (box.minX + box.maxX) / 2
        let centreY = (box.minY + box.maxY) / 2
        let minX = min(max(0, centreX - width / 2), Self.bodyWidth - width)
        let minY = min(max(0, centreY - height / 2), Self.height - height)
        return ChartBox(minX: minX, minY: minY, maxX: minX + width, maxY: minY + height)
    }

    /// The enlarged back: the same drawing, cropped to `zoomBox` by the view box.
    func backZoom() -> String? {
        guard let box = zoomBox else { return nil }
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="\(SVG.number(box.minX)) \(SVG.number(box.minY)) \(SVG.number(box.width)) \(SVG.number(box.height))" \
            role="img" aria-labelledby="zoom-title" class="back-chart back-zoom">
            <title id="zoom-title">The painful part of the back, drawn larger</title>

            """
        svg += body() + regions() + zoneTargets(within: box) + markers(zoomed: true) + extraMarkers(zoomed: true)
        return svg + "</svg>"
    }
}
