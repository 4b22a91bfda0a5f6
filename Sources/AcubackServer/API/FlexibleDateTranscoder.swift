import Foundation
import OpenAPIRuntime

/// Reads ISO 8601 times with or without fractional seconds (browsers and scripts send both), and
/// writes them without.
struct FlexibleDateTranscoder: DateTranscoder {
    func encode(_ date: Date) throws -> String {
        Self.plain().string(from: date)
    }

    func decode(_ text: String) throws -> Date {
        if let date = Self.plain().date(from: text) ?? Self.fractional().date(from: text) { return date }
        throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "'\(text)' is not a time such as 2026-12-01T09:00:00Z"))
    }

    static func plain() -> ISO8601DateFormatter {
        ISO8601DateFormatter()
    }

    static func fractional() -> ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }
}
