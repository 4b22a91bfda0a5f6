import AcubackServices
import Foundation

/// Moves a value between the types generated from openapi.yaml and the domain's own types,
/// which share one JSON shape. Going through JSON keeps a single definition of that shape
/// (the domain's Codable conformance) instead of a hand-written field-by-field mapping.
enum JSONBridge {
    static func convert<Target: Decodable>(_ value: some Encodable, to type: Target.Type = Target.self) throws -> Target {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(Target.self, from: encoder.encode(value))
    }
}
