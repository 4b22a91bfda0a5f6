import AcubackCore

/// A request that is well formed but breaks a clinical or session rule; pages and API name each field.
public struct RuleRefusal: Error, CustomStringConvertible {
    public let errors: [FieldError]

    public init(field: String, rule: String) { errors = [FieldError(field: field, rule: rule)] }
    public init(_ errors: [FieldError]) { self.errors = errors }

    public var description: String { errors.map(\.description).joined(separator: "; ") }
}

/// Thrown by a use case for a record that does not exist (or that the caller may not know exists).
public struct NotFound: Error {
    public let detail: String

    public init(detail: String) { self.detail = detail }
}
