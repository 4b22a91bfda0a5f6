import AcubackCore
import AcubackStore
import AcubackTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AcubackServer
@testable import AcubackServices

/// A patient cannot fill the diary: one place at a time, and a clinic-set number of first consultations ahead.
@Suite struct PatientBookingLimitsTests {
    typealias Appointments = APIServiceAppointmentsTests

    func newPatient(_ client: some TestClientProtocol, _ world: TestWorld, _ name: String) async throws -> String {
        let (status, body) = try await send(client, world, .reception, .post, "/api/v1/patients",
                                            #"{"givenName": "\#(name)", "familyName": "Limits", "birthDate": "1975-05-05"}"#)
        #expect(status == .created)
        return try #require(body["id"] as? String)
    }

    func book(_ client: some TestClientProtocol, _ world: TestWorld, patient: String, practitioner: UUID, kind: String, at start: Date)
        async throws -> (HTTPResponse.Status, [String: Any])
    {
        try await send(client, world, .reception, .post, "/api/v1/appointments", #"""
            {"patientId": "\#(patient)", "practitionerId": "\#(practitioner)", "kind": "\#(kind)", "start": "\#(Appointments.iso(start))"}
            """#)
    }

    @Test(arguments: TestBackend.available)
    func onePatientBookedTwiceAtOnceInParallelGetsOneBooking(backend: TestBackend) async throws {
        try await withTestWorld(backend) { client, world in
            let patient = try await newPatient(client, world, "Ines")
            let mei = try await Appointments().practitionerID(world, named: "Mei Lin Chen")
            let tomas = try await Appointments().practitionerID(world, named: "Tomás Rivera")
            let start = Appointments.weekday(11, daysAhead: 10)
            let results = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for practitioner in [mei, tomas] {
                    group.addTask { try await book(client, world, patient: patient, practitioner: practitioner, kind: "treatment", at: start).0 }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(results.sorted { $0.code < $1.code } == [.created, .conflict])
            let booked = try await BookingStore(world.store).appointments(
                clinicID: world.clinic.id, from: start.addingTimeInterval(-3600), to: start.addingTimeInterval(3600), patientID: UUID(uuidString: patient)!)
            #expect(booked.count == 1)
            // With the other practitioner, free then, a visit overlapping by a quarter of an hour is refused, naming the patient.
            let other = booked.first?.practitionerID == mei ? tomas : mei
            let (status, problem) = try await book(client, world, patient: patient, practitioner: other, kind: "review", at: start.addingTimeInterval(-900))
            #expect(status == .conflict)
            #expect((problem["detail"] as? String)?.contains("the patient already has a booking") == true, "\(problem)")
        }
    }

    @Test func firstConsultationsAheadAreLimitedByTheClinicsSetting() async throws {
        try await withTestWorld { client, world in
            let patient = try await newPatient(client, world, "Oona")
            let mei = try await Appointments().practitionerID(world, named: "Mei Lin Chen")
            let first = Appointments.weekday(9, daysAhead: 11)
            #expect(try await book(client, world, patient: patient, practitioner: mei, kind: "consultation", at: first).0 == .created)
            let (refused, problem) = try await book(client, world, patient: patient, practitioner: mei, kind: "consultation", at: first.addingTimeInterval(86_400))
            #expect(refused == .conflict)
            #expect((problem["detail"] as? String)?.contains("allows 1 at a time") == true, "\(problem)")
            // A treatment is not a first consultation.
            #expect(try await book(client, world, patient: patient, practitioner: mei, kind: "treatment", at: first.addingTimeInterval(3 * 3600)).0 == .created)

            // The admin allows two on the clinic settings page.
            var settings = try await ClinicStore(world.store).settings(clinicID: world.clinic.id)
            let hours = settings.openingHours.entries.map { day in
                day.closed ? "opening-\(day.weekday)-closed=on" : "opening-\(day.weekday)-open=\(day.stretches[0].open)&opening-\(day.weekday)-close=\(day.stretches[0].close)"
            }.joined(separator: "&")
            let form = "timeZone=\(settings.timeZone)&\(hours)"
                + "&consultationMinutes=60&treatmentMinutes=45&reviewMinutes=30&noticeHours=24&openFirstConsultations=2"
            let saved = try await postForm(client, world, .admin, "/admin/clinic", form)
            #expect(saved == .seeOther)
            settings = try await ClinicStore(world.store).settings(clinicID: world.clinic.id)
            #expect(settings.openFirstConsultations == 2)
            #expect(try await book(client, world, patient: patient, practitioner: mei, kind: "consultation", at: first.addingTimeInterval(86_400)).0 == .created)
            #expect(try await book(client, world, patient: patient, practitioner: mei, kind: "consultation", at: first.addingTimeInterval(2 * 86_400)).0 == .conflict)
            let outOfRange = try await postForm(client, world, .admin, "/admin/clinic", form.replacingOccurrences(of: "openFirstConsultations=2", with: "openFirstConsultations=50"))
            #expect(outOfRange == .badRequest)
        }
    }

    @Test func aSecondCourseIsFoundAroundThePatientsFirst() async throws {
        try await withTestWorld { client, world in
            let patient = try await newPatient(client, world, "Pia")
            let mei = try await Appointments().practitionerID(world, named: "Mei Lin Chen")
            let tomas = try await Appointments().practitionerID(world, named: "Tomás Rivera")
            func course(with practitioner: UUID) async throws -> [Date] {
                let body = #"{"patientId": "\#(patient)", "sessions": 4, "perWeek": 2, "practitionerId": "\#(practitioner)"}"#
                let (status, booked) = try await send(client, world, .reception, .post, "/api/v1/courses", body)
                #expect(status == .created, "\(booked)")
                return (booked["appointments"] as? [[String: Any]] ?? []).compactMap { ($0["start"] as? String).flatMap(ISO8601DateFormatter().date(from:)) }
            }
            let first = try await course(with: mei)
            let second = try await course(with: tomas)
            #expect(first.count == 4 && second.count == 4)
            #expect(Set(first).isDisjoint(with: second), "the second course avoids the first one's times")
        }
    }

    func postForm(_ client: some TestClientProtocol, _ world: TestWorld, _ role: Role, _ uri: String, _ form: String) async throws -> HTTPResponse.Status {
        var headers = world.headers(role)
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: form + "&_csrf=\(world.csrf(role))")) { $0.status }
    }
}
