import AcubackCore
import ArgumentParser
import Foundation

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Propose a point prescription for an assessment, checked against the safety rules.",
        discussion: """
            The assessment file is the JSON the API takes at POST /api/v1/plans/preview: regions, side, \
            levels, radiatesToLeg, onset, electroacupuncture, preferredPosition and patient risk factors, \
            optionally with practitioner edits and acknowledged findings.
            """)

    @Option(help: ArgumentHelp("Assessment JSON file, or - for standard input.", valueName: "file"))
    var assessment: String

    @Option(help: "Output format: json or text.")
    var format: OutputFormat = .json

    func run() throws {
        let data: Data
        do {
            data = assessment == "-"
                ? FileHandle.standardInput.readDataToEndOfFile()
                : try Data(contentsOf: URL(fileURLWithPath: assessment))
        } catch {
            throw CLIError("--assessment: cannot read \(assessment): \(error.localizedDescription)")
        }
        let plan: TreatmentPlan
        do {
            plan = try PlanRequest.decode(from: data).plan()
        } catch {
            throw CLIError("the assessment is not valid: \(error)")
        }
        switch format {
        case .json: Console.line(try JSON.string(plan))
        case .text: Console.line(PlanText.render(plan))
        }
    }
}

/// A plan as a practitioner reads it in a terminal.
enum PlanText {
    static func render(_ plan: TreatmentPlan) -> String {
        let catalogue = PointCatalogue.standard
        var lines = [
            "Protocol: \(plan.protocolName)",
            "Needles: \(plan.needleCount)   Position: \(plan.position.rawValue)   Retention: \(plan.retentionMinutes) min   Electroacupuncture: \(plan.electroacupuncture ? "yes" : "no")",
            "",
        ]
        let rows = plan.needles.map { needle in
            [needle.role.rawValue, needle.point, catalogue.point(needle.point)?.pinyin ?? "", needle.side.rawValue + (needle.site.map { " \($0)" } ?? ""),
             "\(needle.maxDepthMm) mm", needle.angle.rawValue]
        }
        lines.append(TextTable.render(header: ["role", "point", "name", "side", "max depth", "angle"], rows: rows))
        lines.append("")
        if plan.findings.isEmpty {
            lines.append("Findings: none")
        } else {
            lines.append("Findings:")
            for finding in plan.findings {
                let resolution = finding.resolution.map { " → \($0)" } ?? (finding.isUnresolvedBlock ? " → UNRESOLVED" : "")
                lines.append("  [\(finding.severity.rawValue)] \(finding.id): \(finding.message)\(resolution) (\(finding.source))")
            }
        }
        lines.append("")
        lines.append(plan.isUsable ? "Usable: yes" : "Usable: no; acknowledge \(plan.pendingAcknowledgements.joined(separator: ", "))"
            + (plan.findings.contains(where: \.isUnresolvedBlock) ? " and resolve the blocks" : ""))
        lines.append("")
        lines.append("Rationale: \(plan.rationale)")
        return lines.joined(separator: "\n")
    }
}
