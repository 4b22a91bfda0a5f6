import AcubackCore
@testable import AcubackStore
import Foundation
import Testing

@testable import AcubackServer
@testable import AcubackServices

@Suite struct ICalendarFeedTests {
    let appointment = AppointmentRecord(
        id: UUID(uuidString: "6F1C1C52-2F7E-4A39-A1B8-0D0C9B0A1E11")!, clinicID: UUID(), patientID: UUID(), practitionerID: UUID(),
        roomID: nil, courseID: nil, kind: .treatment, status: .booked, start: Date(timeIntervalSince1970: 1_800_000_000), minutes: 45,
        patientName: "Ann; Lee, Jr", practitionerName: "Mei Lin Chen", roomName: "Room 1")

    @Test func eventsCarryUTCTimesAndEscapedText() {
        let text = ICalendarFeed(name: "Acuback", clinicName: "Back, Care", appointments: [appointment], forPractitioner: true,
                                 now: Date(timeIntervalSince1970: 1_799_000_000)).render()
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(text.contains("DTSTART:20270115T080000Z\r\n"))
        #expect(text.contains("DTEND:20270115T084500Z\r\n"))
        #expect(text.contains("SUMMARY:Treatment: Ann\\; Lee\\, Jr\r\n"))
        #expect(text.contains("LOCATION:Back\\, Care\\, Room 1\r\n"))
        #expect(text.contains("UID:6f1c1c52-2f7e-4a39-a1b8-0d0c9b0a1e11@acuback\r\n"))
    }

    @Test func longLinesAreFoldedAt75Octets() {
        let folded = ICalendarFeed.fold("SUMMARY:" + String(repeating: "é", count: 60))
        for line in folded.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == "SUMMARY:" + String(repeating: "é", count: 60))
    }
}
