import AcubackCore
import AcubackStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AcubackServer
@testable import AcubackServices

@Suite struct APIServiceMessagingTests {
    func field(_ problem: [String: Any]) -> String? {
        (problem["errors"] as? [[String: Any]])?.first?["field"] as? String
    }

    @Test func theAdminSetsMessagingAndBadHoursAreRefusedNamingTheField() async throws {
        try await withTestWorld { client, world in
            let (refused, problem) = try await send(client, world, .admin, .put, "/api/v1/messaging-settings",
                #"{"confirmByEmail": true, "confirmByText": true, "remindByEmail": true, "remindByText": true, "reminderHours": 500}"#)
            #expect(refused == .badRequest)
            #expect(field(problem) == "reminderHours", "\(problem)")
            let (saved, body) = try await send(client, world, .admin, .put, "/api/v1/messaging-settings",
                #"{"confirmByEmail": false, "confirmByText": true, "remindByEmail": true, "remindByText": true, "reminderHours": 6}"#)
            #expect(saved == .ok)
            #expect(body["reminderHours"] as? Int == 6)
            let (read, now) = try await send(client, world, .reception, .get, "/api/v1/messaging-settings")
            #expect(read == .ok)
            #expect(now["confirmByEmail"] as? Bool == false)
        }
    }

    @Test func aPatientAsksForTextsGivingANumberAndWithoutOneIsToldWhatIsMissing() async throws {
        try await withTestWorld { client, world in
            let uri = "/api/v1/patients/\(world.ownPatientID)/text-messages"
            let (missing, problem) = try await send(client, world, .patient, .put, uri, #"{"wanted": true}"#)
            #expect(missing == .badRequest)
            #expect(field(problem) == "textReminders", "\(problem)")
            let (bad, badProblem) = try await send(client, world, .patient, .put, uri, #"{"wanted": true, "phone": "call me"}"#)
            #expect(bad == .badRequest)
            #expect(field(badProblem) == "phone", "\(badProblem)")
            #expect(try await PatientStore(world.store).patient(id: world.ownPatientID)?.phone == nil, "nothing stored")
            let (saved, body) = try await send(client, world, .patient, .put, uri, #"{"wanted": true, "phone": "+44 7700 900222"}"#)
            #expect(saved == .ok)
            #expect(body["wanted"] as? Bool == true)
            #expect(body["phone"] as? String == "+44 7700 900222")
            let (other, _) = try await send(client, world, .patient, .put, "/api/v1/patients/\(world.otherPatientID)/text-messages", #"{"wanted": false}"#)
            #expect(other == .forbidden || other == .notFound)
        }
    }
}
