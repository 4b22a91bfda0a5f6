import AcubackStore
import Foundation

/// Writes appointments as an iCalendar feed (RFC 5545): one VEVENT each, times in UTC, text
/// escaped and long lines folded, CRLF line ends.
public struct ICalendarFeed {
    public let name: String
    public let clinicName: String
    public let appointments: [AppointmentRecord]
    /// Whose feed it is, which decides what each event is called.
    public let forPractitioner: Bool
    public var now = Date()

    public init(name: String, clinicName: String, appointments: [AppointmentRecord], forPractitioner: Bool, now: Date = Date()) {
        self.name = name
        self.clinicName = clinicName
        self.appointments = appointments
        self.forPractitioner = forPractitioner
        self.now = now
    }

    public func render() -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Acuback//Appointments//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:\(Self.escape(name))",
        ]
        for appointment in appointments {
            let title = forPractitioner
                ? "\(appointment.kind.rawValue.capitalized): \(appointment.patientName)"
                : "Acupuncture \(appointment.kind.rawValue) with \(appointment.practitionerName)"
            lines += [
                "BEGIN:VEVENT",
                "UID:\(appointment.id.uuidString.lowercased())@acuback",
                "DTSTAMP:\(Self.utc(now))",
                "DTSTART:\(Self.utc(appointment.start))",
                "DTEND:\(Self.utc(appointment.end))",
                "SUMMARY:\(Self.escape(title))",
                "LOCATION:\(Self.escape([clinicName, appointment.roomName].filter { !$0.isEmpty }.joined(separator: ", ")))",
                "STATUS:\(appointment.status == .cancelled ? "CANCELLED" : "CONFIRMED")",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    public static func utc(_ date: Date) -> String {
        DateFormatters.string(date, "yyyyMMdd'T'HHmmss'Z'", in: .gmt, locale: "en_US_POSIX")
    }

    /// RFC 5545 §3.3.11: backslash, semicolon, comma and newlines are escaped in text.
    public static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\r\n", with: "\\n")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    /// RFC 5545 §3.1: lines longer than 75 octets continue on the next line after a space.
    public static func fold(_ line: String) -> String {
        var folded = ""
        var count = 0
        for character in line {
            let size = String(character).utf8.count
            if count + size > 75 {
                folded += "\r\n "
                count = 1
            }
            folded.append(character)
            count += size
        }
        return folded
    }
}
