import AcubackCore
import AcubackStore
import AcubackTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AcubackServer
@testable import AcubackServices

/// The waitlist's pages: a patient joins on the portal, the desk sees them, a cancel at the desk
/// mails the offer, and its link books once without signing in.
@Suite struct WaitlistPagesControllerTests {
    typealias Appointments = APIServiceAppointmentsTests

    func page(_ client: some TestClientProtocol, _ world: TestWorld, _ role: Role?, _ uri: String) async throws -> (HTTPResponse.Status, String) {
        try await client.execute(uri: uri, method: .get, headers: world.headers(role)) { ($0.status, $0.body.text) }
    }

    func post(_ client: some TestClientProtocol, _ world: TestWorld, _ role: Role?, _ uri: String, _ fields: [(String, String)]) async throws
        -> (HTTPResponse.Status, String)
    {
        var headers = world.headers(role)
        let csrf = role.map { world.csrf($0) } ?? "anonymous-csrf-token"
        if role == nil { headers[.cookie] = "\(AuthCookie.csrf)=\(csrf)" }
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await client.execute(uri: uri, method: .post, headers: headers, body: form([("_csrf", csrf)] + fields)) { ($0.status, $0.body.text) }
    }

    static func joinFields(kind: String, from: String = "08:00", to: String = "18:00") -> [(String, String)] {
        let today = CalendarDay(Date(), in: TimeZone(identifier: DemoClinic.timeZone)!)
        return [("kind", kind), ("practitioner", ""), ("from", from), ("to", to), ("firstDay", today.description),
                ("lastDay", today.adding(days: 20).description)] + (1...7).map { ("weekday", "\($0)") }
    }

    @Test func aPatientJoinsTheDeskCancelsAndTheMailedLinkBooksOnce() async throws {
        try await withTestWorld { client, world in
            // Bad input is answered in place, naming the field, and nothing is stored.
            let (refused, text) = try await post(client, world, .patient, "/me/waitlist", Self.joinFields(kind: "consultation", from: "12:00", to: "11:00"))
            #expect(refused == .badRequest)
            #expect(text.contains("waitlist-error"))
            #expect(try await WaitlistStore(world.store).entries(clinicID: world.clinic.id, waitingOnly: false).isEmpty)

            // Margaret holds a first consultation already, as many as the clinic allows: she is told so.
            let (full, fullText) = try await post(client, world, .patient, "/me/waitlist", Self.joinFields(kind: "consultation"))
            #expect(full == .badRequest)
            #expect(fullText.contains("the clinic allows 1 at a time"))
            let held = try await BookingStore(world.store).appointments(
                clinicID: world.clinic.id, from: Date(), to: .distantFuture, patientID: world.ownPatientID).filter { $0.kind == .consultation }
            for visit in held { try await BookingStore(world.store).cancel(id: visit.id) }

            let (joined, _) = try await post(client, world, .patient, "/me/waitlist", Self.joinFields(kind: "consultation"))
            #expect(joined == .seeOther)
            let (_, mine) = try await page(client, world, .patient, "/me/waitlist")
            #expect(mine.contains("with any practitioner; any day 08:00–18:00"), "\(mine)")
            let (_, desk) = try await page(client, world, .reception, "/reception/waitlist")
            #expect(desk.contains("Margaret Hughes"))

            // Reception books a new patient, then cancels: the time is offered to Margaret.
            let (_, patient) = try await send(client, world, .reception, .post, "/api/v1/patients",
                                              #"{"givenName": "Nia", "familyName": "Freed", "birthDate": "1975-05-05"}"#)
            let freedBy = try #require(patient["id"] as? String)
            let mei = try await Appointments().practitionerID(world, named: "Mei Lin Chen")
            let start = Appointments.weekday(12, daysAhead: 9)
            let (created, booked) = try await Appointments().post(client, world, .reception, "/api/v1/appointments",
                #"{"patientId": "\#(freedBy)", "practitionerId": "\#(mei)", "kind": "consultation", "start": "\#(Appointments.iso(start))"}"#)
            #expect(created == .created)
            let visit = try #require(booked["id"] as? String)
            let (cancelled, _) = try await post(client, world, .reception, "/reception/appointments/\(visit)/cancel", [])
            #expect(cancelled == .seeOther)
            let (_, deskAfter) = try await page(client, world, .reception, "/reception/waitlist")
            #expect(deskAfter.contains("id=\"waitlist-offers\""))
            let mail = try #require(try await OutboxStore(world.store).messages(to: world.sessions[.patient]!.email).first { $0.kind == "waitlist-offer" })
            let token = try #require(mail.body.range(of: "/waitlist/offers/").map { String(mail.body[$0.upperBound...].prefix { !$0.isWhitespace }) })

            let (shown, offer) = try await page(client, world, nil, "/waitlist/offers/\(token)")
            #expect(shown == .ok)
            #expect(offer.contains("id=\"book-offer\""))
            let (took, done) = try await post(client, world, nil, "/waitlist/offers/\(token)", [])
            #expect(took == .ok)
            #expect(done.contains("id=\"offer-booked\""), "\(done)")
            let (again, plain) = try await post(client, world, nil, "/waitlist/offers/\(token)", [])
            #expect(again == .gone)
            #expect(plain.contains("already been taken"))
            let visits = try await BookingStore(world.store).appointments(
                clinicID: world.clinic.id, from: start, to: start.addingTimeInterval(60), patientID: world.ownPatientID)
            #expect(visits.count == 1)
        }
    }

    @Test func theAdminSetsTheOfferWindowOnTheClinicPage() async throws {
        try await withTestWorld { client, world in
            let (_, before) = try await page(client, world, .admin, "/admin/clinic")
            #expect(before.contains("id=\"offerMinutes\" name=\"offerMinutes\" inputmode=\"numeric\" value=\"120\""))
            let (bad, refused) = try await post(client, world, .admin, "/admin/waitlist", [("offerMinutes", "5")])
            #expect(bad == .badRequest)
            #expect(refused.contains("waitlist-settings-error"))
            let (saved, _) = try await post(client, world, .admin, "/admin/waitlist", [("offerMinutes", "90")])
            #expect(saved == .seeOther)
            #expect(try await WaitlistStore(world.store).settings(clinicID: world.clinic.id).offerMinutes == 90)
        }
    }
}
