/// One thing wrong with input: which field, and which rule it broke.
public struct FieldError: Error, Codable, Sendable, Equatable, CustomStringConvertible {
    /// A path such as `patient.bmi` or `levels[1]`.
    public let field: String
    public let rule: String

    public init(field: String, rule: String) {
        self.field = field
        self.rule = rule
    }

    public var description: String { "\(field): \(rule)" }
}

/// Input that cannot be used, with every problem found in it.
public struct ValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    public let errors: [FieldError]

    public init(_ errors: [FieldError]) {
        self.errors = errors
    }

    public init(field: String, rule: String) {
        self.errors = [FieldError(field: field, rule: rule)]
    }

    public var description: String { errors.map(\.description).joined(separator: "; ") }
}

/// Collects field errors while checking input, so that all of them are reported at once.
public struct FieldErrorCollector: Sendable {
    public private(set) var errors: [FieldError] = []

    public init() {}

    public mutating func check(_ condition: Bool, _ field: String, _ rule: @autoclosure () -> String) {
        if !condition { errors.append(FieldError(field: field, rule: rule())) }
    }

    public mutating func add(_ field: String, _ rule: String) {
        errors.append(FieldError(field: field, rule: rule))
    }

    public func throwIfAny() throws(ValidationError) {
        if !errors.isEmpty { throw ValidationError(errors) }
    }
}
