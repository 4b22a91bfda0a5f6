import AcubackCore
import AcubackStore
import AcubackTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AcubackServer
@testable import AcubackServices

/// The admin's clinic page: hours row by row, contact details on the public pages, holidays that
/// refuse bookings, and the telephone in the "call the clinic" answers.
@Suite struct AdminClinicControllerTests {
    typealias Appointments = APIServiceAppointmentsTests

    func post(_ client: some TestClientProtocol, _ world: TestWorld, _ uri: String, _ fields: [(String, String)]) async throws -> (HTTPResponse.Status, String) {
        var headers = world.headers(.admin)
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await client.execute(uri: uri, method: .post, headers: headers, body: form([("_csrf", world.csrf(.admin))] + fields)) {
            ($0.status, $0.body.text)
        }
    }

    /// The whole settings form as the page sends it, with `hours` for each weekday (nil: closed).
    func settingsForm(_ settings: ClinicSettings, hours: [Int: (String, String)], name: String = "", phone: String = "") -> [(String, String)] {
        var fields: [(String, String)] = [
            ("timeZone", settings.timeZone), ("consultationMinutes", "60"), ("treatmentMinutes", "45"), ("reviewMinutes", "30"),
            ("noticeHours", "24"), ("openFirstConsultations", "1"), ("clinicName", name), ("address", "1 Mill Lane"), ("phone", phone),
        ]
        for weekday in 1...7 {
            if let (open, close) = hours[weekday] {
                fields += [("opening-\(weekday)-open", open), ("opening-\(weekday)-close", close)]
            } else {
                fields.append(("opening-\(weekday)-closed", "on"))
            }
        }
        return fields
    }

    @Test func aBadDayIsNamedAndNothingIsStoredThenTheContactReachesThePublicPages() async throws {
        try await withTestWorld { client, world in
            let clinics = ClinicStore(world.store)
            let before = try await clinics.settings(clinicID: world.clinic.id)
            var week = Dictionary(uniqueKeysWithValues: (1...5).map { ($0, ("08:00", "18:00")) })
            week[2] = ("18:00", "08:00")
            let (refused, page) = try await post(client, world, "/admin/clinic", settingsForm(before, hours: week, name: "Mill Lane Clinic", phone: "01904 555 0199"))
            #expect(refused == .badRequest)
            #expect(page.contains("Tuesday: closing time 08:00 must be after opening time 18:00"))
            #expect(page.contains(#"value="18:00""#) && page.contains(#"value="Mill Lane Clinic""#), "what was typed is kept")
            #expect(try await clinics.settings(clinicID: world.clinic.id) == before)

            week[2] = ("08:00", "18:00")
            let (saved, _) = try await post(client, world, "/admin/clinic", settingsForm(before, hours: week, name: "Mill Lane Clinic", phone: "01904 555 0199"))
            #expect(saved == .seeOther)
            let after = try await clinics.settings(clinicID: world.clinic.id)
            #expect(after.contact.name == "Mill Lane Clinic" && after.openingHours.ranges(on: 6).isEmpty)
            #expect(after.consentVersion == before.consentVersion)

            let home = try await client.execute(uri: "/", method: .get) { $0.body.text }
            #expect(home.contains("<title>Welcome · Mill Lane Clinic</title>"))
            #expect(home.contains("1 Mill Lane") && home.contains("01904 555 0199"))
        }
    }

    @Test func aHolidayRefusesABookingAndIsShownClosedOnTheDayView() async throws {
        try await withTestWorld { client, world in
            let start = Appointments.weekday(10, daysAhead: 12)
            let zone = try await ClinicStore(world.store).settings(clinicID: world.clinic.id).zone
            let day = CalendarDay(start, in: zone)
            let (added, _) = try await post(client, world, "/admin/holidays", [("day", day.description), ("label", "Staff training")])
            #expect(added == .seeOther)
            let (again, page) = try await post(client, world, "/admin/holidays", [("day", day.description)])
            #expect(again == .badRequest && page.contains("is already a holiday"))

            let (status, problem) = try await send(client, world, .reception, .post, "/api/v1/appointments", #"""
                {"patientId": "\#(world.ownPatientID)", "kind": "treatment", "start": "\#(Appointments.iso(start))"}
                """#)
            #expect(status == .unprocessableContent)
            #expect((problem["detail"] as? String)?.contains("the clinic is closed on \(day) (Staff training)") == true, "\(problem)")
            let dayView = try await client.execute(uri: "/reception?date=\(day)", method: .get, headers: world.headers(.reception)) { $0.body.text }
            #expect(dayView.contains("The clinic is closed on this day (Staff training)"))

            let (removed, _) = try await post(client, world, "/admin/holidays/\(day)/remove", [])
            #expect(removed == .seeOther)
            #expect(try await ClinicStore(world.store).holidays(clinicID: world.clinic.id).isEmpty)
        }
    }

    @Test func tooLateToChangeOnlineGivesTheClinicsNumber() {
        #expect(BookingError.tooLate(hours: 24, phone: "01904 555 0100").description.hasSuffix("please call the clinic on 01904 555 0100."))
        #expect(BookingError.tooLate(hours: 24, phone: "").description.hasSuffix("please call the clinic."))
    }
}
