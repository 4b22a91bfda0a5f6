/// Turns a JSON decoding failure into a field error that names the field and the rule.
extension DecodingError {
    public var fieldError: FieldError {
        switch self {
        case .keyNotFound(let key, let context):
            return FieldError(field: Self.path(context.codingPath + [key]), rule: "is required")
        case .valueNotFound(let type, let context):
            return FieldError(field: Self.path(context.codingPath), rule: "must not be null (expected \(Self.describe(type)))")
        case .typeMismatch(let type, let context):
            return FieldError(field: Self.path(context.codingPath), rule: "must be \(Self.describe(type))")
        case .dataCorrupted(let context):
            let field = context.codingPath.isEmpty ? "body" : Self.path(context.codingPath)
            return FieldError(field: field, rule: context.debugDescription)
        @unknown default:
            return FieldError(field: "body", rule: "could not be read")
        }
    }

    static func path(_ keys: [any CodingKey]) -> String {
        var path = ""
        for key in keys {
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return path.isEmpty ? "body" : path
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type: "a whole number"
        case is Double.Type: "a number"
        case is [Any].Type: "a list"
        case is [String: Any].Type: "an object"
        default: "a value of type \(type)"
        }
    }
}

/// A string enumeration that names its allowed values when decoding fails.
public protocol NamedChoice: RawRepresentable<String>, CaseIterable, Decodable {}

extension NamedChoice {
    public static func decodeChoice(from decoder: any Decoder) throws -> Self {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(rawValue: text) else {
            let allowed = allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not one of \(allowed)")
        }
        return value
    }
}
