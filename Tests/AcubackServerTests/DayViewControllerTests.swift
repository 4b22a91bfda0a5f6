import AcubackCore
import AcubackStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AcubackServer
@testable import AcubackServices

/// The reception day view's steps on a visit: arrived on the day, did not come after its time.
@Suite struct DayViewControllerTests {
    func page(_ client: some TestClientProtocol, _ world: TestWorld, _ uri: String) async throws -> (HTTPResponse.Status, String) {
        try await client.execute(uri: uri, method: .get, headers: world.headers(.reception)) { ($0.status, $0.body.text) }
    }

    func post(_ client: some TestClientProtocol, _ world: TestWorld, _ uri: String, _ fields: [(String, String)]) async throws -> TestResponse {
        var headers = world.headers(.reception)
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await client.execute(uri: uri, method: .post, headers: headers, body: form([("_csrf", world.csrf(.reception))] + fields)) { $0 }
    }

    @Test func theDayViewRecordsItsReadOfTheScheduleAndOfThePatientList() async throws {
        try await withTestWorld { client, world in
            let last = try await AuditTrail(world.store).search(.init(clinicID: world.clinic.id), limit: 1).items.first?.sequence ?? 0
            try await client.execute(uri: "/reception", method: .get, headers: world.headers(.reception)) { response in
                #expect(response.status == .ok)
            }
            let added = try await AuditTrail(world.store).search(.init(clinicID: world.clinic.id), limit: 20).items.filter { $0.sequence > last }
            #expect(Set(added.map(\.action)) == ["schedule.read", "patient.list"])
            #expect(added.allSatisfy { $0.actorRole == "reception" })
        }
    }

    @Test func theDeskMarksArrivalThenANoShowWithTheRowsSayingSo() async throws {
        // A day in the past keeps the world's sign-ins valid; Hannah Okafor has no demo visits there.
        let ten = APIServiceAppointmentsTests.weekday(10, daysAhead: -9)
        let clock = TestClock(ten.addingTimeInterval(-2 * 3600))
        try await withTestWorld(clock: clock) { client, world in
            let hannah = try await APIServiceAppointmentsTests().practitionerID(world, named: "Hannah Okafor")
            let visits = try await BookingStore(world.store).book([ten, ten.addingTimeInterval(3600)].map {
                NewAppointment(clinicID: world.clinic.id, patientID: world.ownPatientID, practitionerID: hannah, roomID: nil, kind: .review, start: $0, minutes: 30)
            }, reminder: { _, _ in nil }).appointments
            let day = CalendarDay(ten, in: TimeZone(identifier: DemoClinic.timeZone)!)
            let (_, before) = try await page(client, world, "/reception?date=\(day)")
            #expect(before.contains("action=\"/reception/appointments/\(visits[0].id)/attendance\""), "arrival is offered on the day")
            #expect(!before.contains("data-action=\"noShow\""), "no visit has started yet")

            let early = try await post(client, world, "/reception/appointments/\(visits[1].id)/attendance", [("status", "noShow")])
            #expect(early.status == .unprocessableContent)
            #expect(early.body.text.contains("once the appointment&#39;s start has passed") || early.body.text.contains("once the appointment's start has passed"))

            let arrived = try await post(client, world, "/reception/appointments/\(visits[0].id)/attendance", [("status", "arrived")])
            #expect(arrived.status == .seeOther || arrived.status == .found)
            let (_, after) = try await page(client, world, try #require(arrived.headers[.location]))
            #expect(after.contains("Arrived: review for"))
            #expect(after.contains("data-status=\"arrived\">Arrived</span>"))

            clock.advance(minutes: 3 * 60 + 1)
            let missed = try await post(client, world, "/reception/appointments/\(visits[1].id)/attendance", [("status", "noShow")])
            #expect(missed.status == .seeOther || missed.status == .found)
            #expect(try await BookingStore(world.store).appointment(id: visits[1].id)?.status == .noShow)
            let (_, last) = try await page(client, world, "/reception?date=\(day)")
            #expect(last.contains("data-status=\"noShow\">Did not come</span>"))
            #expect(!last.contains("action=\"/reception/appointments/\(visits[1].id)/move\""), "a missed visit is not moved")
        }
    }
}
