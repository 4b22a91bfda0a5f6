import AcubackServices
import Foundation
import Hummingbird

/// Fields of a submitted form (application/x-www-form-urlencoded) or of a query string.
struct FormFields: Sendable {
    private let values: [String: [String]]

    init(_ parameters: Parameters) {
        var values: [String: [String]] = [:]
        for (key, value) in parameters { values[String(key), default: []].append(String(value)) }
        self.values = values
    }

    /// Fields given directly, such as a form prefilled from a record.
    init(values: [String: [String]]) {
        self.values = values
    }

    init(body: ByteBuffer) {
        var values: [String: [String]] = [:]
        for pair in String(buffer: body).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(Self.decode)
            guard let key = parts.first, !key.isEmpty else { continue }
            values[key, default: []].append(parts.count > 1 ? parts[1] : "")
        }
        self.values = values
    }

    private static func decode(_ text: Substring) -> String {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
    }

    func all(_ name: String) -> [String] { values[name]?.filter { !$0.isEmpty } ?? [] }
    func first(_ name: String) -> String? { all(name).first }
    func text(_ name: String) -> String { first(name)?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }
    func flag(_ name: String) -> Bool { first(name) == "on" || first(name) == "true" }
    func has(_ name: String) -> Bool { values[name] != nil }

    /// The form as read by a handler after the CSRF check has collected the body.
    static func of(_ request: Request) async throws -> FormFields {
        FormFields(body: try await request.body.collect(upTo: CSRFMiddleware.maximumFormSize))
    }
}
