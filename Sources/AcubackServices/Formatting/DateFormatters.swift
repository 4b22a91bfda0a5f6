import Foundation
import Synchronization

/// Date formatters by locale, zone and pattern, each made once. Making a formatter costs far
/// more than formatting with it, and one patient's page formats a few hundred dates.
public enum DateFormatters {
    private static let cache = Mutex<[String: DateFormatter]>([:])

    public static func string(_ date: Date, _ pattern: String, in zone: TimeZone, locale: String = "en_GB") -> String {
        cache.withLock { formatters in formatter(pattern, zone, locale, in: &formatters).string(from: date) }
    }

    public static func date(_ text: String, _ pattern: String, in zone: TimeZone, locale: String = "en_US_POSIX") -> Date? {
        cache.withLock { formatters in formatter(pattern, zone, locale, in: &formatters).date(from: text) }
    }

    private static func formatter(_ pattern: String, _ zone: TimeZone, _ locale: String, in formatters: inout [String: DateFormatter]) -> DateFormatter {
        let key = "\(locale) \(zone.identifier) \(pattern)"
        if let formatter = formatters[key] { return formatter }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: locale)
        formatter.timeZone = zone
        formatter.dateFormat = pattern
        formatters[key] = formatter
        return formatter
    }
}
