import AcubackServices
import AcubackCore
import Foundation

/// A chart with the same facts as a table beside it, for readers who cannot see the chart.
package struct ChartFigure {
    let id: String
    let title: String
    package let svg: String
    let columns: [String]
    let rows: [[String]]
    /// For a patient: the clinical name of the measure, behind a "details" toggle.
    var about: String? = nil

    /// The figure as the course-charts template reads it: each table row's cells under `cells`.
    struct View: Sendable {
        struct Row: Sendable {
            let cells: [String]
        }

        let id: String
        let title: String
        let svg: String
        let columns: [String]
        let rows: [Row]
        let about: String?
    }

    var view: View {
        View(id: id, title: title, svg: svg, columns: columns, rows: rows.map(View.Row.init), about: about)
    }
}

/// The charts of one course: pain against the baseline and the important-change band,
/// function, mobility, and pain before and after each session.
package struct CourseCharts {
    let progress: CourseProgress
    let settings: OutcomeSettings
    let zone: TimeZone
    /// The patient reads their own charts: everyday names, the clinical ones behind details.
    let forPatient: Bool

    package init(progress: CourseProgress, settings: OutcomeSettings, zone: TimeZone, forPatient: Bool = false) {
        self.progress = progress
        self.settings = settings
        self.zone = zone
        self.forPatient = forPatient
    }

    static let painColours = ["#1d4e89", "#b3261e", "#6b4f9e"]
    static let painTicks: [Double] = [0, 2, 4, 6, 8, 10]

    package var figures: [ChartFigure] {
        [pain, function, mobility, sessions].compactMap { $0 }
    }

    var measures: [MeasureRecord] { progress.measures }

    func label(_ measure: MeasureRecord) -> String {
        measure.timepoint == .baseline ? "Baseline" : DisplayTime.short(measure.takenAt, in: zone)
    }

    func text(_ value: Double?) -> String { value.map(SVG.number) ?? "–" }

    /// The pain the patient must come down to for the change to count as important: the
    /// smaller of the two reductions, since either one is enough.
    static func importantThreshold(baseline: Int, settings: OutcomeSettings) -> Double {
        let reduction = min(settings.importantPoints, Double(baseline) * settings.importantPercent / 100)
        return max(0, Double(baseline) - reduction)
    }

    var pain: ChartFigure? {
        let withPain = measures.filter { $0.measures.painNow != nil || $0.measures.painAverageWeek != nil || $0.measures.painWorst != nil }
        guard !withPain.isEmpty else { return nil }
        let lines: [(String, KeyPath<OutcomeMeasures, Int?>)] = [
            ("Average last week", \.painAverageWeek), ("Now", \.painNow), ("Worst", \.painWorst),
        ]
        var chart = LineChart(
            id: "chart-pain-\(progress.course.id.uuidString.prefix(8))", title: "Pain over the course", description: "",
            positions: withPain.map(label), range: 0...10, unit: "Pain (0–10)", ticks: Self.painTicks)
        for (index, line) in lines.enumerated() where withPain.contains(where: { $0.measures[keyPath: line.1] != nil }) {
            chart.series.append(.init(name: line.0, values: withPain.map { $0.measures[keyPath: line.1].map(Double.init) },
                                      colour: Self.painColours[index], dashed: index == 2))
        }
        var summary = "\(withPain.count) pain ratings from \(label(withPain[0])) to \(label(withPain[withPain.count - 1]))."
        if let baseline = progress.baseline, let scale = [PainScale.averageWeek, .now].first(where: { scale in
            (scale == .averageWeek ? baseline.measures.painAverageWeek : baseline.measures.painNow) != nil
        }) {
            let value = (scale == .averageWeek ? baseline.measures.painAverageWeek : baseline.measures.painNow)!
            let threshold = Self.importantThreshold(baseline: value, settings: settings)
            chart.rules.append(.init(value: Double(value), label: "Baseline \(value)"))
            if value > 0 {
                chart.bands.append(.init(from: 0, to: threshold, label: "Important improvement (\(SVG.number(threshold)) or less)"))
            }
            summary += " Baseline \(scale.title) \(value); an important improvement is \(SVG.number(threshold)) or less"
                + " (at least \(SVG.number(settings.importantPercent)) % or \(SVG.number(settings.importantPoints)) points less)."
            if let latest = progress.latestWithPain, let change = PainChange.between(baseline: baseline.measures, current: latest.measures) {
                summary += " Latest: \(change.current), \(change.points >= 0 ? "\(change.points) points less" : "\(-change.points) points more")."
            }
        }
        chart.description = summary
        return ChartFigure(
            id: chart.id, title: chart.title, svg: chart.render(), columns: ["When", "Average last week", "Now", "Worst"],
            rows: withPain.map { [label($0) + (timepointNote($0)), text($0.measures.painAverageWeek.map(Double.init)),
                                  text($0.measures.painNow.map(Double.init)), text($0.measures.painWorst.map(Double.init))] })
    }

    func timepointNote(_ measure: MeasureRecord) -> String {
        switch measure.timepoint {
        case .baseline: ""
        case .session: " (session)"
        case .review: " (review)"
        case .followUp: " (follow-up)"
        }
    }

    var function: ChartFigure? {
        let scored = measures.filter { $0.measures.functionScore != nil }
        guard !scored.isEmpty else { return nil }
        let values = scored.map(\.measures.functionScore)
        let chart = LineChart(
            id: "chart-function-\(progress.course.id.uuidString.prefix(8))",
            title: forPatient ? "The everyday activities you chose" : "Function (Patient-Specific Functional Scale)",
            description: "Mean score of the activities the patient named, 0 (unable) to 10 (as before the problem); higher is better. "
                + "\(scored.count) scores, from \(text(values.first!)) to \(text(values.last!)).",
            positions: scored.map(label), range: 0...10, unit: "Function (0–10)", ticks: Self.painTicks,
            series: [.init(name: "Function score", values: values, colour: "#1f6f43")])
        return ChartFigure(
            id: chart.id, title: chart.title, svg: chart.render(), columns: ["When", "Function score", "Activities"],
            rows: scored.map { measure in
                [label(measure), text(measure.measures.functionScore),
                 (measure.measures.function ?? []).map { "\($0.activity): \($0.score)" }.joined(separator: "; ")]
            },
            about: forPatient ? "Measured with the Patient-Specific Functional Scale: each activity scored from 0 (cannot do it) to 10 (as before the problem)." : nil)
    }

    var mobility: ChartFigure? {
        let measured = measures.filter { $0.measures.fingertipToFloorCm != nil || $0.measures.schoberCm != nil }
        guard !measured.isEmpty else { return nil }
        let largest = measured.flatMap { [$0.measures.fingertipToFloorCm ?? 0, $0.measures.schoberCm ?? 0] }.max() ?? 0
        let top = max(10, (largest / 10).rounded(.up) * 10)
        let step = top / 5
        let chart = LineChart(
            id: "chart-mobility-\(progress.course.id.uuidString.prefix(8))", title: "Mobility",
            description: "Fingertip-to-floor distance on bending forward (smaller is better) and the \(forPatient ? "lower-back bend" : "modified Schober lengthening") (larger is better), in cm, at \(measured.count) measures.",
            positions: measured.map(label), range: 0...top, unit: "cm", ticks: stride(from: 0, through: top, by: step).map { $0 },
            series: [
                .init(name: "Fingertip to floor", values: measured.map(\.measures.fingertipToFloorCm), colour: "#8a4b08"),
                .init(name: schober, values: measured.map(\.measures.schoberCm), colour: "#1d4e89", dashed: true),
            ])
        return ChartFigure(
            id: chart.id, title: chart.title, svg: chart.render(), columns: ["When", "Fingertip to floor (cm)", "\(schober) (cm)"],
            rows: measured.map { [label($0), text($0.measures.fingertipToFloorCm), text($0.measures.schoberCm)] },
            about: forPatient
                ? "How far your fingertips reach towards the floor when you bend forward, and how much the skin over your lower back stretches as you bend (the modified Schober test)."
                : nil)
    }

    /// The lower-back stretch test, by the name its reader knows.
    var schober: String { forPatient ? "Lower-back bend" : "Modified Schober" }

    var sessions: ChartFigure? {
        let sessions = progress.sessions
        guard !sessions.isEmpty else { return nil }
        let closed = sessions.filter { $0.after != nil }
        let meanDrop = closed.isEmpty ? nil : Double(closed.map { $0.before - $0.after! }.reduce(0, +)) / Double(closed.count)
        let chart = LineChart(
            id: "chart-sessions-\(progress.course.id.uuidString.prefix(8))", title: "Pain before and after each session",
            description: "Pain (0–10) at the start and the end of \(sessions.count) session\(sessions.count == 1 ? "" : "s")"
                + (meanDrop.map { "; on average \(SVG.number($0)) points less by the end." } ?? "."),
            positions: sessions.map { "S\($0.number)" }, range: 0...10, unit: "Pain (0–10)", ticks: Self.painTicks,
            pairs: sessions.map { .init(before: Double($0.before), after: $0.after.map(Double.init)) })
        return ChartFigure(
            id: chart.id, title: chart.title, svg: chart.render(), columns: ["Session", "Date", "Before", "After"],
            rows: sessions.map { ["\($0.number)", DisplayTime.short($0.startedAt, in: zone), "\($0.before)", $0.after.map(String.init) ?? "–"] })
    }
}
