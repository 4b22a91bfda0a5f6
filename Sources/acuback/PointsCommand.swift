import AcubackCore
import ArgumentParser
import Foundation

struct PointsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "points",
        abstract: "List acupuncture points from the catalogue, filtered by region, meridian, level or code.",
        discussion: "Codes accept the older aliases (UB23, Du4, Liv3). A family code such as EX-B2 lists every level.")

    @Option(help: "upper, middle, lower, leg, foot, hand, ear or head.")
    var region: String?

    @Option(help: "A WHO meridian code: LU LI ST SP HT SI BL KI PC TE GB LR GV CV.")
    var meridian: String?

    @Option(help: "A spinal level from C7 to S4, e.g. L4.")
    var level: String?

    @Option(help: "A point code or alias, e.g. BL23, UB23, EX-B2.")
    var code: String?

    @Flag(help: "Only points the prescription engine can plan (with full needling data).")
    var prescribable = false

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        var errors = FieldErrorCollector()
        let region = parse(self.region, as: PointRegion.self, field: "--region", errors: &errors)
        let meridian = parse(self.meridian?.uppercased(), as: Meridian.self, field: "--meridian", errors: &errors)
        let level = parse(self.level?.uppercased(), as: SpinalLevel.self, field: "--level", errors: &errors)
        if let error = errors.errors.first { throw ValidationError(error.description) }

        let catalogue = PointCatalogue.standard
        let points = catalogue.points(region: region, meridian: meridian, level: level, code: code, prescribableOnly: prescribable)
        if let code, points.isEmpty {
            throw CLIError("--code: '\(code)' is not a point in the catalogue (version \(catalogue.version))")
        }
        switch format {
        case .json:
            let listing = PointListing(catalogueVersion: catalogue.version, count: points.count, points: points)
            Console.line(try JSON.string(listing))
        case .text:
            Console.line(PointTable.render(points))
            Console.line("\(points.count) point(s), catalogue \(catalogue.version)")
        }
    }

    private func parse<T: RawRepresentable<String> & CaseIterable>(
        _ text: String?, as type: T.Type, field: String, errors: inout FieldErrorCollector
    ) -> T? {
        guard let text else { return nil }
        if let value = T(rawValue: text) { return value }
        errors.add(field, "'\(text)' is not one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        return nil
    }
}

/// The JSON shape of `acuback points --format json`.
struct PointListing: Encodable {
    let catalogueVersion: String
    let count: Int
    let points: [AcupuncturePoint]
}

enum PointTable {
    static func render(_ points: [AcupuncturePoint]) -> String {
        let rows = points.map { point -> [String] in
            let needling = point.needling
            return [
                point.code, point.pinyin, point.english, needling?.level?.rawValue ?? "",
                needling.map { "\($0.depthMm.min)–\($0.depthMm.max) mm" } ?? "",
                needling?.zones.map(\.rawValue).joined(separator: ",") ?? "",
            ]
        }
        return TextTable.render(header: ["code", "pinyin", "english", "level", "depth", "zones"], rows: rows)
    }
}
