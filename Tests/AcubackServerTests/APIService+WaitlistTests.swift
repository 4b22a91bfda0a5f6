import AcubackCore
import AcubackStore
import AcubackTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AcubackServer
@testable import AcubackServices

/// The waitlist's API: joining names each bad field, the desk lists and removes entries.
@Suite struct APIServiceWaitlistTests {
    @Test func theDeskJoinsAPatientListsAndRemovesTheEntry() async throws {
        try await withTestWorld { client, world in
            let (_, patient) = try await send(client, world, .reception, .post, "/api/v1/patients",
                #"{"givenName": "Wren", "familyName": "Waiting", "birthDate": "1975-05-05", "email": "wren@waitlist.example"}"#)
            let patientID = try #require(patient["id"] as? String)
            let today = CalendarDay(Date(), in: TimeZone(identifier: DemoClinic.timeZone)!)
            let (refused, problem) = try await send(client, world, .reception, .post, "/api/v1/waitlist", #"""
                {"patientId": "\#(patientID)", "kind": "treatment", "practitionerId": "\#(UUID())", "weekdays": [1], "from": "12:00", "to": "11:00",
                 "firstDay": "\#(today)", "lastDay": "\#(today.adding(days: 30))"}
                """#)
            #expect(refused == .badRequest)
            let fields = Set(((problem["errors"] as? [[String: Any]]) ?? []).compactMap { $0["field"] as? String })
            #expect(fields == ["practitionerId", "to"], "\(problem)")

            let (created, entry) = try await send(client, world, .reception, .post, "/api/v1/waitlist", #"""
                {"patientId": "\#(patientID)", "kind": "treatment", "weekdays": [1, 2, 3, 4, 5], "from": "09:00", "to": "12:00",
                 "firstDay": "\#(today)", "lastDay": "\#(today.adding(days: 30))"}
                """#)
            #expect(created == .created, "\(entry)")
            #expect(entry["status"] as? String == "waiting")
            let entryID = try #require(entry["id"] as? String)
            let (_, list) = try await send(client, world, .reception, .get, "/api/v1/waitlist")
            #expect(((list["entries"] as? [[String: Any]]) ?? []).map { $0["id"] as? String } == [entryID])
            // A patient sees only their own (none here) and cannot remove someone else's.
            let (_, own) = try await send(client, world, .patient, .get, "/api/v1/waitlist")
            #expect((own["entries"] as? [Any])?.isEmpty == true)
            #expect(try await send(client, world, .patient, .post, "/api/v1/waitlist/\(entryID)/leave").0 == .notFound)
            let (left, gone) = try await send(client, world, .reception, .post, "/api/v1/waitlist/\(entryID)/leave")
            #expect(left == .ok)
            #expect(gone["status"] as? String == "left")
            let (_, after) = try await send(client, world, .reception, .get, "/api/v1/waitlist")
            #expect((after["entries"] as? [Any])?.isEmpty == true)
        }
    }
}
