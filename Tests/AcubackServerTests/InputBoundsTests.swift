import AcubackCore
import AcubackStore
import AcubackTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AcubackServer
@testable import AcubackServices

/// What a probe of the running server found: parameters at the edges of their range, and ids of
/// another clinic's patients, are refused before anything is read or recorded.
@Suite struct InputBoundsTests {
    static let huge = "9223372036854775807"

    @Test func anOffsetAtTheEdgeOfItsRangeIsRefusedNotATrap() async throws {
        try await withTestWorld { client, world in
            for uri in ["/api/v1/patients?offset=\(Self.huge)", "/api/v1/points?offset=\(Self.huge)", "/api/v1/practitioners?offset=1000001"] {
                let (status, problem) = try await send(client, world, .admin, .get, uri)
                #expect(status == .badRequest, "\(uri)")
                #expect((problem["errors"] as? [[String: String]])?.first?["field"] == "offset", "\(uri)")
            }
            for uri in ["/patients?offset=\(Self.huge)", "/admin/users?offset=\(Self.huge)", "/admin/audit?offset=\(Self.huge)"] {
                let status = try await client.execute(uri: uri, method: .get, headers: world.headers(.admin)) { $0.status }
                #expect(status == .badRequest, "\(uri)")
            }
            // The server is still there.
            let (alive, _) = try await send(client, world, .admin, .get, "/api/v1/patients?offset=1000000")
            #expect(alive == .ok)
        }
    }

    @Test func aPatientsPhoneIsATelephoneNumberAtTheDeskAndOverTheAPI() async throws {
        try await withTestWorld { client, world in
            let before = try await PatientStore(world.store).patients(clinicID: world.clinic.id).total
            for phone in [String(repeating: "1", count: 100_000), #"call me\u0000"#, "+44 20 7946 0958 ext. 12", "12"] {
                let body = #"{"givenName": "Pat", "familyName": "Phone", "birthDate": "1970-01-01", "phone": "\#(phone)"}"#
                let (status, problem) = try await send(client, world, .reception, .post, "/api/v1/patients", body)
                #expect(status == .badRequest, "\(phone.prefix(30))")
                #expect((problem["errors"] as? [[String: String]])?.contains { $0["field"] == "phone" } == true, "\(problem)")
            }
            let (made, patient) = try await send(client, world, .reception, .post, "/api/v1/patients",
                                                 #"{"givenName": "Pat", "familyName": "Phone", "birthDate": "1970-01-01", "phone": " +44 (20) 7946-0958 "}"#)
            #expect(made == .created)
            #expect(patient["phone"] as? String == "+44 (20) 7946-0958")
            #expect(try await PatientStore(world.store).patients(clinicID: world.clinic.id).total == before + 1)
        }
    }

    @Test func measuresAndReviewsKeepToTheirCourse() async throws {
        try await withTestWorld { client, world in
            let measures = "/api/v1/courses/\(world.courseID)/measures"
            let (ancient, problem) = try await send(client, world, .practitioner, .post, measures,
                                                    #"{"timepoint": "session", "painNow": 3, "takenAt": "0001-01-01T00:00:00Z"}"#)
            #expect(ancient == .badRequest)
            #expect((problem["errors"] as? [[String: String]])?.first?["field"] == "takenAt")
            let (huge, refusal) = try await send(client, world, .practitioner, .post, "/api/v1/courses/\(world.courseID)/reviews",
                                                 #"{"afterSession": \#(Self.huge)}"#)
            #expect(huge == .badRequest)
            #expect((refusal["errors"] as? [[String: String]])?.first?["field"] == "afterSession")
            let before = try await OutcomeStore(world.store).reviews(courseID: world.courseID).count
            let (beyond, _) = try await send(client, world, .practitioner, .post, "/api/v1/courses/\(world.courseID)/reviews", #"{"afterSession": 11}"#)
            #expect(beyond == .badRequest)
            #expect(try await OutcomeStore(world.store).reviews(courseID: world.courseID).count == before)
        }
    }

    @Test func unknownRecordsArePagesNotFound() async throws {
        try await withTestWorld { client, world in
            for uri in ["/sessions/\(UUID())", "/patients/\(world.ownPatientID)/courses/\(UUID())", "/sessions/\(UUID())/stricta"] {
                let status = try await client.execute(uri: uri, method: .get, headers: world.headers(.admin)) { $0.status }
                #expect(status == .notFound, "\(uri)")
            }
        }
    }

    @Test func anotherClinicsPatientIsNotFoundAndLeavesNoTrace() async throws {
        try await withTestWorld { client, world in
            let before = try await AuditTrail(world.store).search(.init(clinicID: world.clinic.id)).total
            for uri in [
                "/api/v1/sessions?patientId=\(world.otherClinicPatientID)",
                "/api/v1/appointments?patientId=\(world.otherClinicPatientID)&from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z",
            ] {
                let (status, _) = try await send(client, world, .admin, .get, uri)
                #expect(status == .notFound, "\(uri)")
            }
            let after = try await AuditTrail(world.store).search(.init(clinicID: world.clinic.id))
            #expect(after.total == before)
            #expect(!after.items.contains { $0.patientID == world.otherClinicPatientID })
        }
    }
}
