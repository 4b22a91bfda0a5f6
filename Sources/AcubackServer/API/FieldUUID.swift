import AcubackServices
import AcubackCore
import Foundation

/// Reads a UUID from a path or body field, naming the field when it is not one.
func uuid(_ text: String?, field: String) throws -> UUID? {
    guard let text else { return nil }
    guard let id = UUID(uuidString: text) else { throw ValidationError(field: field, rule: "must be a UUID") }
    return id
}
