import AcubackServices
import Foundation
import OpenAPIRuntime
import Synchronization

/// Reads ISO 8601 times with or without fractional seconds (browsers and scripts send both), and
/// writes them without. The two formatters are made once: every time in every request and
/// response passes through here.
struct FlexibleDateTranscoder: DateTranscoder {
    private static let formatters = Mutex((plain: ISO8601DateFormatter(), fractional: Self.fractional()))

    func encode(_ date: Date) throws -> String {
        Self.formatters.withLock { $0.plain.string(from: date) }
    }

    func decode(_ text: String) throws -> Date {
        if let date = Self.formatters.withLock({ $0.plain.date(from: text) ?? $0.fractional.date(from: text) }) { return date }
        throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "'\(text)' is not a time such as 2026-12-01T09:00:00Z"))
    }

    private static func fractional() -> ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }
}
