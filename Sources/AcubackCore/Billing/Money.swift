import Foundation

/// An amount in a currency's minor units (cents, pence; yen have none), so sums are exact.
public struct Money: Sendable, Equatable, Hashable, Codable {
    public var minorUnits: Int
    public var currency: String

    public init(_ minorUnits: Int, _ currency: String) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// "45.00 USD", "4500 JPY": digits as the currency has them, then its code.
    public var formatted: String { "\(figure) \(currency)" }

    /// "45.00", "4500": the amount as a form takes it back, without the currency.
    public var figure: String {
        let digits = Currency.minorDigits(currency) ?? 2
        guard digits > 0 else { return "\(minorUnits)" }
        let scale = (0..<digits).reduce(1) { result, _ in result * 10 }
        let sign = minorUnits < 0 ? "-" : ""
        let whole = abs(minorUnits) / scale
        let fraction = String(abs(minorUnits) % scale)
        return "\(sign)\(whole).\(String(repeating: "0", count: digits - fraction.count))\(fraction)"
    }
}

/// The ISO 4217 currencies a clinic may bill in, with their minor digits (ISO 4217 list one).
public enum Currency {
    static let digits: [String: Int] = [
        "AUD": 2, "BRL": 2, "CAD": 2, "CHF": 2, "CNY": 2, "CZK": 2, "DKK": 2, "EUR": 2, "GBP": 2, "HKD": 2, "ILS": 2,
        "INR": 2, "JPY": 0, "KRW": 0, "MXN": 2, "MYR": 2, "NOK": 2, "NZD": 2, "PLN": 2, "SEK": 2, "SGD": 2, "THB": 2,
        "TWD": 2, "USD": 2, "ZAR": 2,
    ]

    public static var codes: [String] { digits.keys.sorted() }
    public static func minorDigits(_ code: String) -> Int? { digits[code] }
    public static func isKnown(_ code: String) -> Bool { digits[code] != nil }

    /// Reads "45", "45.5" or "45.50" as minor units in `code`; nil for anything else.
    public static func minorUnits(from text: String, in code: String) -> Int? {
        let digits = minorDigits(code) ?? 2
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int(parts[0]), whole >= 0, parts[0].allSatisfy(\.isNumber) else { return nil }
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= digits, fraction.allSatisfy(\.isNumber) else { return nil }
        fraction += String(repeating: "0", count: digits - fraction.count)
        let scale = (0..<digits).reduce(1) { result, _ in result * 10 }
        let (product, overflow) = whole.multipliedReportingOverflow(by: scale)
        guard !overflow, let minor = digits == 0 ? 0 : Int(fraction) else { return nil }
        return product + minor
    }
}
