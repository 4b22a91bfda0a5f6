/// A small chart drawn as SVG on the server: numbered positions along the bottom, a value axis,
/// lines or before/after pairs, and optional shaded bands and reference rules. Output depends
/// only on the input, so a chart can be compared with a stored copy.
struct LineChart {
    struct Series {
        let name: String
        /// One value per position; `nil` where nothing was measured.
        let values: [Double?]
        let colour: String
        var dashed = false
    }

    /// A shaded stretch of the value axis, such as the important-change band.
    struct Band {
        let from: Double
        let to: Double
        let label: String
    }

    /// A horizontal reference line, such as the baseline.
    struct Rule {
        let value: Double
        let label: String
    }

    /// A before and an after value at one position, joined by a line.
    struct Pair {
        let before: Double
        let after: Double?
    }

    let id: String
    let title: String
    var description: String
    let positions: [String]
    let range: ClosedRange<Double>
    let unit: String
    var ticks: [Double]
    var series: [Series] = []
    var pairs: [Pair] = []
    var bands: [Band] = []
    var rules: [Rule] = []

    static let width = 640.0
    static let height = 280.0
    static let left = 48.0
    static let right = 16.0
    static let top = 20.0
    static let bottom = 56.0
    static let beforeColour = "#8a4b08"
    static let afterColour = "#1f6f43"

    var plotWidth: Double { Self.width - Self.left - Self.right }
    var plotHeight: Double { Self.height - Self.top - Self.bottom }

    func x(_ position: Int) -> Double {
        let slots = Double(max(positions.count, 1))
        return Self.left + plotWidth * (Double(position) + 0.5) / slots
    }

    func y(_ value: Double) -> Double {
        let clamped = min(max(value, range.lowerBound), range.upperBound)
        return Self.top + plotHeight * (1 - (clamped - range.lowerBound) / (range.upperBound - range.lowerBound))
    }

    func render() -> String {
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(Int(Self.width)) \(Int(Self.height))" role="img" \
            aria-labelledby="\(id)-title \(id)-desc" class="outcome-chart" id="\(id)">
            <title id="\(id)-title">\(SVG.escape(title))</title>
            <desc id="\(id)-desc">\(SVG.escape(description))</desc>

            """
        svg += bandMarks() + axes() + ruleMarks() + pairMarks() + seriesMarks() + legend()
        return svg + "</svg>"
    }

    private func bandMarks() -> String {
        bands.map { band in
            let top = y(max(band.from, band.to)), bottom = y(min(band.from, band.to))
            return """
                <rect x="\(n(Self.left))" y="\(n(top))" width="\(n(plotWidth))" height="\(n(bottom - top))" fill="#d8efe0" class="band"/>
                <text x="\(n(Self.left + plotWidth - 4))" y="\(n(bottom - 4))" text-anchor="end" font-size="11" fill="#1f6f43">\(SVG.escape(band.label))</text>

                """
        }.joined()
    }

    private func axes() -> String {
        var out = "<g class=\"axes\" font-size=\"11\" fill=\"#333\">\n"
        for tick in ticks {
            out += "<line x1=\"\(n(Self.left))\" y1=\"\(n(y(tick)))\" x2=\"\(n(Self.left + plotWidth))\" y2=\"\(n(y(tick)))\" stroke=\"#ddd\"/>"
            out += "<text x=\"\(n(Self.left - 6))\" y=\"\(n(y(tick) + 4))\" text-anchor=\"end\">\(n(tick))</text>\n"
        }
        for (index, label) in positions.enumerated() {
            out += "<text x=\"\(n(x(index)))\" y=\"\(n(Self.height - Self.bottom + 16))\" text-anchor=\"middle\">\(SVG.escape(label))</text>\n"
        }
        out += "<text x=\"12\" y=\"\(n(Self.top + plotHeight / 2))\" transform=\"rotate(-90 12 \(n(Self.top + plotHeight / 2)))\" text-anchor=\"middle\">\(SVG.escape(unit))</text>\n"
        return out + "</g>\n"
    }

    private func ruleMarks() -> String {
        rules.map { rule in
            """
            <line x1="\(n(Self.left))" y1="\(n(y(rule.value)))" x2="\(n(Self.left + plotWidth))" y2="\(n(y(rule.value)))" stroke="#555" stroke-dasharray="6 4" class="rule"/>
            <text x="\(n(Self.left + 4))" y="\(n(y(rule.value) - 4))" font-size="11" fill="#333">\(SVG.escape(rule.label))</text>

            """
        }.joined()
    }

    private func pairMarks() -> String {
        var out = ""
        for (index, pair) in pairs.enumerated() {
            let cx = n(x(index))
            if let after = pair.after {
                out += "<line x1=\"\(cx)\" y1=\"\(n(y(pair.before)))\" x2=\"\(cx)\" y2=\"\(n(y(after)))\" stroke=\"#999\" stroke-width=\"2\"/>"
                out += "<circle cx=\"\(cx)\" cy=\"\(n(y(after)))\" r=\"5\" fill=\"\(Self.afterColour)\"/>"
            }
            out += "<rect x=\"\(n(x(index) - 5))\" y=\"\(n(y(pair.before) - 5))\" width=\"10\" height=\"10\" fill=\"\(Self.beforeColour)\"/>\n"
        }
        return out
    }

    private func seriesMarks() -> String {
        var out = ""
        for line in series {
            let points = line.values.enumerated().compactMap { index, value in value.map { (x(index), y($0)) } }
            guard !points.isEmpty else { continue }
            if points.count > 1 {
                let path = points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
                out += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(line.colour)\" stroke-width=\"2\"\(line.dashed ? " stroke-dasharray=\"4 3\"" : "")/>"
            }
            out += points.map { "<circle cx=\"\(n($0.0))\" cy=\"\(n($0.1))\" r=\"3.5\" fill=\"\(line.colour)\"/>" }.joined() + "\n"
        }
        return out
    }

    private func legend() -> String {
        var entries = series.map { ($0.name, $0.colour, "line") }
        if !pairs.isEmpty { entries = [("Before", Self.beforeColour, "square"), ("After", Self.afterColour, "dot")] }
        var out = "<g class=\"legend\" font-size=\"11\" fill=\"#333\">"
        for (index, entry) in entries.enumerated() {
            let left = Self.left + Double(index) * 150
            let base = Self.height - 14
            switch entry.2 {
            case "square": out += "<rect x=\"\(n(left))\" y=\"\(n(base - 9))\" width=\"10\" height=\"10\" fill=\"\(entry.1)\"/>"
            case "dot": out += "<circle cx=\"\(n(left + 5))\" cy=\"\(n(base - 4))\" r=\"5\" fill=\"\(entry.1)\"/>"
            default: out += "<line x1=\"\(n(left))\" y1=\"\(n(base - 4))\" x2=\"\(n(left + 16))\" y2=\"\(n(base - 4))\" stroke=\"\(entry.1)\" stroke-width=\"2\"/>"
            }
            out += "<text x=\"\(n(left + 20))\" y=\"\(n(base))\">\(SVG.escape(entry.0))</text>"
        }
        return out + "</g>\n"
    }

    private func n(_ value: Double) -> String { SVG.number(value) }
}
