import Foundation

/// A JSON value for documents whose shape is set by a standard rather than by our types, such as
/// FHIR resources. Written with sorted keys, so the same input gives the same bytes.
public indirect enum JSONValue: Sendable, Equatable, Encodable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue?)...) {
        // A nil value leaves the key out: FHIR forbids empty elements and nulls.
        var object: [String: JSONValue] = [:]
        for (key, value) in elements { if let value { object[key] = value } }
        self = .object(object)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    public subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// Compact JSON with sorted keys, one line: what an NDJSON file holds per resource.
    public func data(pretty: Bool = false) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// Every `reference` string anywhere inside, such as "Patient/…".
    public var references: [String] {
        switch self {
        case .object(let object):
            var found: [String] = []
            if case .string(let reference)? = object["reference"] { found.append(reference) }
            for key in object.keys.sorted() where key != "reference" { found += object[key]!.references }
            return found
        case .array(let items): return items.flatMap(\.references)
        default: return []
        }
    }
}
