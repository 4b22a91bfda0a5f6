import Foundation

/// Times for people: in the clinic's time zone, to the minute.
public enum DisplayTime {
    public static func format(_ date: Date, in zone: TimeZone) -> String {
        string(date, zone, "yyyy-MM-dd HH:mm")
    }

    public static func clock(_ date: Date, in zone: TimeZone) -> String {
        string(date, zone, "HH:mm")
    }

    /// "Tuesday 3 March".
    public static func day(_ date: Date, in zone: TimeZone) -> String {
        string(date, zone, "EEEE d MMMM")
    }

    /// "3 Mar", for chart labels.
    public static func short(_ date: Date, in zone: TimeZone) -> String {
        string(date, zone, "d MMM")
    }

    private static func string(_ date: Date, _ zone: TimeZone, _ format: String) -> String {
        DateFormatters.string(date, format, in: zone)
    }
}
