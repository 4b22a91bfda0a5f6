import Foundation

extension PointCatalogue {
    /// The catalogue shipped with this build, read once.
    public static let standard: PointCatalogue = {
        do {
            return try load()
        } catch {
            // The files are part of the build; a failure here is a packaging bug, not bad input.
            fatalError("The point catalogue shipped with Acuback cannot be read: \(error)")
        }
    }()

    struct NamesFile: Decodable {
        struct Entry: Decodable {
            let code: String
            let pinyin: String
            let hanzi: String
            let english: String
            let meridian: Meridian?
        }

        let catalogueVersion: String
        let points: [Entry]
    }

    struct DetailsFile: Decodable {
        struct Entry: Decodable {
            let code: String
            let area: BodyArea
            let level: SpinalLevel?
            let line: PointLine
            let bilateral: Bool
            let location: String
            let depthMm: DepthRange
            let angle: NeedleAngle
            let zones: [SafetyZone]
            let chart: [ChartPosition]
            let alternatives: [String]
            let sources: [String]

            var needling: NeedlingData {
                NeedlingData(
                    area: area, level: level, line: line, bilateral: bilateral, location: location, depthMm: depthMm,
                    angle: angle, zones: zones, chart: chart, alternatives: alternatives, sources: sources)
            }
        }

        let catalogueVersion: String
        let extraPoints: [NamesFile.Entry]
        let auricularPoints: [NamesFile.Entry]
        let points: [Entry]
    }

    static func load() throws -> PointCatalogue {
        let names = try decode(NamesFile.self, resource: "who-standard-points")
        let details = try decode(DetailsFile.self, resource: "point-details")
        let needling = Dictionary(uniqueKeysWithValues: details.points.map { ($0.code, $0.needling) })
        func point(_ entry: NamesFile.Entry, _ kind: PointKind) -> AcupuncturePoint {
            let source = switch kind {
            case .standard: ClinicalSources.who2008.id
            case .extra: ClinicalSources.who1991.id
            case .auricular: ClinicalSources.gbt13734.id
            }
            return AcupuncturePoint(
                code: entry.code, pinyin: entry.pinyin, hanzi: entry.hanzi, english: entry.english,
                meridian: entry.meridian, kind: kind, needling: needling[entry.code], source: source)
        }
        let points = names.points.map { point($0, .standard) }
            + details.extraPoints.map { point($0, .extra) }
            + details.auricularPoints.map { point($0, .auricular) }
        return PointCatalogue(version: details.catalogueVersion, points: points)
    }

    private static func decode<T: Decodable>(_ type: T.Type, resource: String) throws -> T {
        guard let url = Bundle.module.url(forResource: resource, withExtension: "json", subdirectory: "Resources/Points")
        else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "\(resource).json"]) }
        return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
    }
}
