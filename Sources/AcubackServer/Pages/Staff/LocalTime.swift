import AcubackServices
import Foundation

/// Reads the times people type into forms (`datetime-local`, in the clinic's time zone).
enum LocalTime {
    static func parse(_ text: String, in zone: TimeZone) -> Date? {
        for pattern in ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss"] {
            if let date = DateFormatters.date(text, pattern, in: zone) { return date }
        }
        return nil
    }

    static func input(_ date: Date, in zone: TimeZone) -> String {
        DateFormatters.string(date, "yyyy-MM-dd'T'HH:mm", in: zone, locale: "en_US_POSIX")
    }
}
