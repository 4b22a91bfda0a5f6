import AcubackCore
import AcubackStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AcubackServer
@testable import AcubackServices

/// A patient's own booking pages: treatments where the clinic allows them, and moving a visit.
@Suite struct PatientBookingControllerTests {
    func page(_ client: some TestClientProtocol, _ world: TestWorld, _ uri: String) async throws -> (HTTPResponse.Status, String) {
        try await client.execute(uri: uri, method: .get, headers: world.headers(.patient)) { ($0.status, $0.body.text) }
    }

    func post(_ client: some TestClientProtocol, _ world: TestWorld, _ uri: String, _ fields: [(String, String)]) async throws -> TestResponse {
        var headers = world.headers(.patient)
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await client.execute(uri: uri, method: .post, headers: headers, body: form([("_csrf", world.csrf(.patient))] + fields)) { $0 }
    }

    func allowTreatments(_ world: TestWorld) async throws {
        var settings = try await ClinicStore(world.store).settings(clinicID: world.clinic.id)
        settings.patientsBookTreatments = true
        try await ClinicStore(world.store).saveSettings(settings, clinicID: world.clinic.id)
    }

    /// The first time offered on the page, as its form posts it.
    func firstStart(_ html: String) throws -> String {
        try #require(html.firstMatch(of: /name="start" value="([^"]+)"/)?.1).description
    }

    @Test func treatmentsAreOfferedOnlyWhereTheClinicAllowsThem() async throws {
        try await withTestWorld { client, world in
            let (_, closed) = try await page(client, world, "/book?kind=treatment")
            #expect(closed.contains("<h1>Book a first consultation</h1>") && !closed.contains("id=\"kind\""))
            // With "any practitioner" each time still books the practitioner its button names.
            let named = closed.matches(of: /name="practitioner" value="([^"]*)"/).map { String($0.1) }
            #expect(!named.isEmpty && named.allSatisfy { UUID(uuidString: $0) != nil }, "\(named.prefix(3))")
            let refused = try await post(client, world, "/book", [("kind", "treatment"), ("start", try firstStart(closed))])
            #expect(refused.status == .badRequest || refused.status == .unprocessableContent)
            #expect(refused.body.text.contains("Kind: patients book a first consultation online"))

            try await allowTreatments(world)
            let (_, open) = try await page(client, world, "/book?kind=treatment")
            #expect(open.contains("<h1>Book a treatment</h1>") && open.contains("<option value=\"treatment\" selected>Treatment</option>"))
            let booked = try await post(client, world, "/book", [("kind", "treatment"), ("start", try firstStart(open))])
            #expect(booked.status == .seeOther || booked.status == .found)
            let (_, visits) = try await page(client, world, try #require(booked.headers[.location]))
            #expect(visits.contains("Booked. A reminder comes the day before.") && visits.contains("Book a visit"))
        }
    }

    @Test func aPatientMovesAVisitWithTheSamePractitionerUntilTheNoticePeriod() async throws {
        try await withTestWorld { client, world in
            let mei = try await APIServiceAppointmentsTests().practitionerID(world, named: "Mei Lin Chen")
            let bookings = BookingStore(world.store)
            let start = APIServiceAppointmentsTests.weekday(9, daysAhead: 9)
            let soon = Date().addingTimeInterval(3 * 3600).rounded(toMinutes: 5)
            let visits = try await bookings.book([start, soon].map {
                NewAppointment(clinicID: world.clinic.id, patientID: world.ownPatientID, practitionerID: mei, roomID: nil, kind: .review, start: $0, minutes: 30)
            }, reminder: { _, _ in nil }).appointments

            let (_, list) = try await page(client, world, "/me/visits")
            #expect(list.contains("href=\"/me/visits/\(visits[0].id)/move\""))
            #expect(!list.contains("href=\"/me/visits/\(visits[1].id)/move\""), "inside the notice period the visit is not moved online")

            let (status, choices) = try await page(client, world, "/me/visits/\(visits[0].id)/move")
            #expect(status == .ok && choices.contains("<h1>Move your review on"))
            #expect(choices.contains("action=\"/me/visits/\(visits[0].id)/move\"") && !choices.contains("id=\"practitioner-filter\""))
            let target = try firstStart(choices)
            let moved = try await post(client, world, "/me/visits/\(visits[0].id)/move", [("start", target)])
            #expect(moved.status == .seeOther || moved.status == .found)
            let after = try #require(try await bookings.appointment(id: visits[0].id))
            #expect(after.start == ISO8601DateFormatter().date(from: target) && after.practitionerID == mei && after.status == .booked)

            let late = try await post(client, world, "/me/visits/\(visits[1].id)/move", [("start", target)])
            #expect(late.status == .unprocessableContent)
            #expect(late.body.text.contains("please call the clinic"))
            #expect(try await bookings.appointment(id: visits[1].id)?.start == soon)
            let (missing, _) = try await page(client, world, "/me/visits/\(UUID())/move")
            #expect(missing == .notFound)
        }
    }
}
