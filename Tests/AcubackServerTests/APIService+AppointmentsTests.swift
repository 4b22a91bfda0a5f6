import AcubackCore
import AcubackStore
import AcubackTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AcubackServer
@testable import AcubackServices

@Suite struct APIServiceAppointmentsTests {
    /// The next weekday at `hour`:00 in the clinic's time zone, at least two days ahead.
    static func weekday(_ hour: Int, daysAhead: Int = 2) -> Date {
        let zone = TimeZone(identifier: DemoClinic.timeZone)!
        var day = CalendarDay(Date(), in: zone).adding(days: daysAhead)
        while day.isoWeekday > 5 { day = day.adding(days: 1) }
        return day.start(in: zone).addingTimeInterval(Double(hour) * 3600)
    }

    static func iso(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }

    func post(_ client: some TestClientProtocol, _ world: TestWorld, _ role: Role, _ uri: String, _ json: String) async throws -> (HTTPResponse.Status, [String: Any]) {
        var headers = world.headers(role)
        headers[.contentType] = "application/json"
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: json)) { response in
            (response.status, (try? response.body.json()) ?? [:])
        }
    }

    func practitionerID(_ world: TestWorld, named name: String) async throws -> UUID {
        try #require(try await ClinicStore(world.store).practitioners(clinicID: world.clinic.id).first { $0.name == name }).id
    }

    /// A free start for Mei Lin Chen on a weekday at least a week ahead (the demo week is busy).
    func freeStart(_ world: TestWorld, hour: Int = 12) -> Date { Self.weekday(hour, daysAhead: 9) }

    @Test func receptionBooksAndTheSameTimeIsThenAConflictNamingIt() async throws {
        try await withTestWorld { client, world in
            let mei = try await practitionerID(world, named: "Mei Lin Chen")
            let start = freeStart(world)
            let body = #"{"patientId": "\#(world.otherPatientID)", "practitionerId": "\#(mei)", "kind": "treatment", "start": "\#(Self.iso(start))"}"#
            let (status, booked) = try await post(client, world, .reception, "/api/v1/appointments", body)
            #expect(status == .created)
            #expect(booked["practitionerName"] as? String == "Mei Lin Chen")
            #expect(booked["minutes"] as? Int == 45)
            #expect(booked["roomName"] as? String != nil)
            // The answer names what the stored booking names, without reading it back.
            let bookedID = try #require(UUID(uuidString: booked["id"] as? String ?? ""))
            let stored = try #require(try await BookingStore(world.store).appointment(id: bookedID))
            #expect(booked["patientName"] as? String == stored.patientName && !stored.patientName.isEmpty)
            #expect(booked["roomName"] as? String == stored.roomName && booked["roomId"] as? String == stored.roomID?.uuidString)
            let again = #"{"patientId": "\#(world.ownPatientID)", "practitionerId": "\#(mei)", "kind": "review", "start": "\#(Self.iso(start.addingTimeInterval(900)))"}"#
            let (conflict, problem) = try await post(client, world, .reception, "/api/v1/appointments", again)
            #expect(conflict == .conflict)
            let local = DisplayTime.format(start, in: TimeZone(identifier: DemoClinic.timeZone)!)
            #expect((problem["detail"] as? String)?.contains(local) == true, "names the conflicting time \(local): \(problem)")
        }
    }

    @Test func anExpiredCertificateRefusesTheBookingWithTheReason() async throws {
        try await withTestWorld { client, world in
            let hannah = try await practitionerID(world, named: "Hannah Okafor")
            let body = #"{"patientId": "\#(world.otherPatientID)", "practitionerId": "\#(hannah)", "kind": "treatment", "start": "\#(Self.iso(freeStart(world)))"}"#
            let (status, problem) = try await post(client, world, .reception, "/api/v1/appointments", body)
            #expect(status == .unprocessableContent)
            #expect((problem["detail"] as? String)?.contains("no verified certificate valid") == true)
            #expect(try await BookingStore(world.store).appointments(clinicID: world.clinic.id, from: Date(), to: Date().addingTimeInterval(30 * 86_400), practitionerID: hannah).isEmpty)
        }
    }

    @Test(arguments: [
        ("2020-01-06T10:00:00Z", "in the past"),
        ("OUTSIDE", "the practitioner does not work"),
    ])
    func timesBreakingARuleAreRefusedWithTheReason(start: String, reason: String) async throws {
        try await withTestWorld { client, world in
            let when = start == "OUTSIDE" ? Self.iso(Self.weekday(7, daysAhead: 9).addingTimeInterval(3600 * 1.5)) : start
            let mei = try await practitionerID(world, named: "Mei Lin Chen")
            let body = #"{"patientId": "\#(world.otherPatientID)", "practitionerId": "\#(mei)", "kind": "treatment", "start": "\#(when)"}"#
            let (status, problem) = try await post(client, world, .reception, "/api/v1/appointments", body)
            #expect(status == .unprocessableContent)
            #expect((problem["detail"] as? String)?.contains(reason) == true, "\(problem)")
            #expect((problem["errors"] as? [[String: Any]])?.first?["field"] as? String == "start")
        }
    }

    @Test func anUnknownPatientIsNamed() async throws {
        try await withTestWorld { client, world in
            let body = #"{"patientId": "\#(UUID())", "kind": "treatment", "start": "\#(Self.iso(freeStart(world)))"}"#
            let (status, problem) = try await post(client, world, .reception, "/api/v1/appointments", body)
            #expect(status == .unprocessableContent)
            #expect((problem["errors"] as? [[String: Any]])?.first?["field"] as? String == "patientId")
        }
    }

    @Test func aPatientBooksOnlyAFirstConsultationForThemselves() async throws {
        try await withTestWorld { client, world in
            let treatment = #"{"kind": "treatment", "start": "\#(Self.iso(freeStart(world)))"}"#
            let (refused, problem) = try await post(client, world, .patient, "/api/v1/appointments", treatment)
            #expect(refused == .badRequest)
            #expect((problem["errors"] as? [[String: Any]])?.first?["field"] as? String == "kind")
            // The demo week may hold her first consultation still ahead (on a weekend it does): the
            // clinic allows one at a time, so it is cancelled first.
            let bookings = BookingStore(world.store)
            for upcoming in try await bookings.appointments(
                clinicID: world.clinic.id, from: Date(), to: Date().addingTimeInterval(30 * 86_400), patientID: world.ownPatientID)
            where upcoming.kind == .consultation {
                try await bookings.cancel(id: upcoming.id)
            }
            let consultation = #"{"kind": "consultation", "start": "\#(Self.iso(freeStart(world, hour: 14)))"}"#
            let (status, booked) = try await post(client, world, .patient, "/api/v1/appointments", consultation)
            #expect(status == .created, "\(booked)")
            #expect(booked["patientId"] as? String == world.ownPatientID.uuidString)
            #expect(booked["minutes"] as? Int == 60)
            let message = try #require(try await OutboxStore(world.store).messages(to: "margaret.hughes@demo.acuback.example").first)
            #expect(message.kind == "reminder" && message.subject.hasPrefix("Reminder"))
            let other = #"{"patientId": "\#(world.otherPatientID)", "kind": "consultation", "start": "\#(Self.iso(freeStart(world, hour: 15)))"}"#
            #expect(try await post(client, world, .patient, "/api/v1/appointments", other).0 == .forbidden)

            // Where the clinic allows it, a patient with a plan books a treatment too.
            var settings = try await ClinicStore(world.store).settings(clinicID: world.clinic.id)
            settings.patientsBookTreatments = true
            try await ClinicStore(world.store).saveSettings(settings, clinicID: world.clinic.id)
            let (allowed, treatmentBooked) = try await post(client, world, .patient, "/api/v1/appointments", treatment)
            #expect(allowed == .created, "\(treatmentBooked)")
            #expect(treatmentBooked["kind"] as? String == "treatment")
        }
    }

    @Test func patientsCancelOnlyWithNoticeStaffAlways() async throws {
        try await withTestWorld { client, world in
            let soon = BookingStore(world.store)
            let mei = try await practitionerID(world, named: "Mei Lin Chen")
            // Booked directly for a time within the notice period (the check forbids booking it via the API only for patients).
            let start = Date().addingTimeInterval(3 * 3600).rounded(toMinutes: 5)
            let booked = try await soon.book([NewAppointment(
                clinicID: world.clinic.id, patientID: world.ownPatientID, practitionerID: mei, roomID: nil, kind: .treatment,
                start: start, minutes: 45)], reminder: { _, _ in nil }).appointments[0]
            let (tooLate, problem) = try await post(client, world, .patient, "/api/v1/appointments/\(booked.id)/cancel", "")
            #expect(tooLate == .unprocessableContent)
            #expect((problem["detail"] as? String)?.contains("24 hours") == true)
            let (cancelled, body) = try await post(client, world, .reception, "/api/v1/appointments/\(booked.id)/cancel", "")
            #expect(cancelled == .ok)
            #expect(body["status"] as? String == "cancelled")
        }
    }

    @Test func theDeskMarksArrivalOnTheDayAndANoShowOnlyAfterTheStart() async throws {
        // A day in the past keeps the world's sign-ins valid; Hannah Okafor has no demo visits to clash with.
        let ten = Self.weekday(10, daysAhead: -9)
        let clock = TestClock(ten.addingTimeInterval(-2 * 3600))
        try await withTestWorld(clock: clock) { client, world in
            let mei = try await practitionerID(world, named: "Hannah Okafor")
            let booked = try await BookingStore(world.store).book([ten, ten.addingTimeInterval(3600)].map {
                NewAppointment(clinicID: world.clinic.id, patientID: world.otherPatientID, practitionerID: mei, roomID: nil, kind: .treatment, start: $0, minutes: 45)
            }, reminder: { _, _ in nil }).appointments
            let (early, problem) = try await post(client, world, .reception, "/api/v1/appointments/\(booked[0].id)/attendance", #"{"status": "noShow"}"#)
            #expect(early == .unprocessableContent)
            #expect((problem["detail"] as? String)?.contains("once the appointment's start has passed") == true, "\(problem)")
            #expect(try await post(client, world, .patient, "/api/v1/appointments/\(booked[0].id)/attendance", #"{"status": "arrived"}"#).0 == .forbidden)
            let (arrived, body) = try await post(client, world, .reception, "/api/v1/appointments/\(booked[0].id)/attendance", #"{"status": "arrived"}"#)
            #expect(arrived == .ok)
            #expect(body["status"] as? String == "arrived")
            let (twice, again) = try await post(client, world, .practitioner, "/api/v1/appointments/\(booked[0].id)/attendance", #"{"status": "noShow"}"#)
            #expect(twice == .unprocessableContent)
            #expect((again["detail"] as? String)?.contains("is arrived, not booked") == true, "\(again)")
            clock.advance(minutes: 3 * 60 + 5)
            let (missed, noShow) = try await post(client, world, .reception, "/api/v1/appointments/\(booked[1].id)/attendance", #"{"status": "noShow"}"#)
            #expect(missed == .ok)
            #expect(noShow["status"] as? String == "noShow")
            #expect(try await BookingStore(world.store).appointment(id: booked[1].id)?.status == .noShow)
            #expect(try await post(client, world, .reception, "/api/v1/appointments/\(UUID())/attendance", #"{"status": "arrived"}"#).0 == .notFound)
            let audit = try await AuditTrail(world.store).search(.init(clinicID: world.clinic.id, patientIDs: [world.otherPatientID]), limit: 20).items.map(\.action)
            #expect(audit.contains("appointment.arrived") && audit.contains("appointment.noShow"))
        }
    }

    @Test func aCourseIsFoundThenBookedAllAtOnce() async throws {
        try await withTestWorld { client, world in
            let search = #"{"patientId": "\#(world.otherPatientID)", "sessions": 10, "perWeek": 2}"#
            let (found, proposal) = try await post(client, world, .reception, "/api/v1/courses/search", search)
            #expect(found == .ok)
            let slots = try #require(proposal["slots"] as? [[String: Any]])
            #expect(slots.count == 10)
            let (booked, course) = try await post(client, world, .reception, "/api/v1/courses", search)
            #expect(booked == .created)
            let appointments = try #require(course["appointments"] as? [[String: Any]])
            #expect(appointments.count == 10)
            #expect(appointments.map { $0["start"] as? String } == slots.map { $0["start"] as? String })
            let cannot = #"{"patientId": "\#(world.otherPatientID)", "sessions": 20, "perWeek": 1, "horizonWeeks": 5}"#
            let (refused, problem) = try await post(client, world, .reception, "/api/v1/courses", cannot)
            #expect(refused == .unprocessableContent)
            #expect((problem["detail"] as? String)?.contains("no certified practitioner has 20 free times") == true)
        }
    }

    @Test func availabilityListsFreeTimesOfCertifiedPractitionersOnly() async throws {
        try await withTestWorld { client, world in
            let from = Self.iso(Self.weekday(0, daysAhead: 9))
            let to = Self.iso(Self.weekday(23, daysAhead: 9))
            try await client.execute(uri: "/api/v1/availability?kind=treatment&from=\(from)&to=\(to)&limit=200", method: .get) { response in
                #expect(response.status == .ok)
                let body = try response.body.json()
                let slots = try #require(body["slots"] as? [[String: Any]])
                #expect(!slots.isEmpty)
                #expect(!slots.contains { $0["practitionerName"] as? String == "Hannah Okafor" })
            }
            try await client.execute(uri: "/api/v1/availability?from=\(to)&to=\(from)", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test func thePublicDirectoryShowsOnlyCertifiedPractitioners() async throws {
        try await withTestWorld { client, world in
            try await client.execute(uri: "/api/v1/practitioners", method: .get) { response in
                let items = try #require(try response.body.json()["items"] as? [[String: Any]])
                #expect(Set(items.compactMap { $0["name"] as? String }) == ["Mei Lin Chen", "Tomás Rivera"])
                #expect(items.allSatisfy { ($0["qualifications"] as? [[String: Any]])?.allSatisfy { $0["number"] == nil } == true })
            }
            try await client.execute(uri: "/practitioners", method: .get) { response in
                #expect(!response.body.text.contains("Hannah Okafor"))
                #expect(response.body.text.contains("Certified by British Acupuncture Council"))
            }
        }
    }
}

extension Date {
    func rounded(toMinutes minutes: Int) -> Date {
        let step = Double(minutes * 60)
        return Date(timeIntervalSince1970: (timeIntervalSince1970 / step).rounded(.up) * step)
    }
}
