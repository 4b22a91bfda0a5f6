import AcubackCore
import AcubackTestSupport
import AcubackStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AcubackServer
@testable import AcubackServices

@Suite struct AuditRecordingTests {
    @Test(arguments: TestBackend.available)
    func readingAPatientRecordsWhoWhatWhichPatientAndFromWhere(backend: TestBackend) async throws {
        try await withTestWorld(backend) { client, world in
            try await client.execute(uri: "/patients/\(world.otherPatientID)", method: .get, headers: world.headers(.reception)) { response in
                #expect(response.status == .ok)
                #expect(!response.body.text.contains(#"id="clinical""#), "reception sees no clinical notes")
            }
            try await client.execute(uri: "/api/v1/patients/\(world.otherPatientID)/clinical", method: .get, headers: world.headers(.practitioner)) { response in
                #expect(response.status == .ok)
            }
            let events = try await AuditTrail(world.store).search(.init(clinicID: world.clinic.id, patientIDs: [world.otherPatientID])).items
            let reception = try #require(events.first { $0.actorRole == "reception" })
            #expect(reception.action == "patient.read")
            #expect(reception.actorUserID == world.sessions[.reception]!.actor.userID)
            #expect(reception.recordType == "patient")
            #expect(reception.clientAddress != nil)
            let practitioner = try #require(events.first { $0.actorRole == "practitioner" })
            #expect(practitioner.action == "patient.readClinical")
        }
    }

    @Test func aRefusedReadChangesNothingInTheTrailButAnAllowedOneDoes() async throws {
        try await withTestWorld { client, world in
            let trail = AuditTrail(world.store)
            let before = try await trail.search(.init(clinicID: world.clinic.id)).total
            try await client.execute(uri: "/api/v1/patients/\(world.otherPatientID)/clinical", method: .get, headers: world.headers(.reception)) { response in
                #expect(response.status == .forbidden)
            }
            #expect(try await trail.search(.init(clinicID: world.clinic.id)).total == before)
            try await client.execute(uri: "/api/v1/patients/\(world.otherPatientID)", method: .get, headers: world.headers(.reception)) { _ in }
            #expect(try await trail.search(.init(clinicID: world.clinic.id)).total == before + 1)
        }
    }

    @Test func theAdminSearchesTheTrailByPatientUserAndDate() async throws {
        try await withTestWorld { client, world in
            // The day is taken before the read, and the search runs to the next day, so a read
            // made across midnight is still found.
            let today = CalendarDay(Date(), in: TimeZone(identifier: world.clinic.timeZone)!)
            try await client.execute(uri: "/patients/\(world.otherPatientID)", method: .get, headers: world.headers(.practitioner)) { _ in }
            let name = try #require(try await PatientStore(world.store).patient(id: world.otherPatientID)).familyName
            let practitioner = world.sessions[.practitioner]!.email
            let query = "patient=\(name)&user=\(practitioner)&from=\(today)&to=\(today.adding(days: 1))"
            try await client.execute(uri: "/admin/audit?\(query)", method: .get, headers: world.headers(.admin)) { response in
                #expect(response.status == .ok)
                let html = response.body.text
                #expect(html.contains("<code>patient.read</code>"))
                #expect(html.contains(practitioner))
            }
            try await client.execute(uri: "/admin/audit?from=yesterday", method: .get, headers: world.headers(.admin)) { response in
                #expect(response.status == .badRequest)
                #expect(response.body.text.contains("<strong>From</strong>"))
            }
            #expect(try await AuditTrail(world.store).verify().allSatisfy(\.isIntact))
        }
    }
}
