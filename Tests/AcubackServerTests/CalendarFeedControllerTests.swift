import AcubackCore
import AcubackStore
import AcubackTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AcubackServer
@testable import AcubackServices

@Suite struct CalendarFeedControllerTests {
    @Test func aDisabledAccountsFeedStopsAtOnceAndEveryReadIsAudited() async throws {
        try await withTestWorld { client, world in
            var headers = world.headers(.practitioner)
            headers[.contentType] = "application/x-www-form-urlencoded"
            let location = try await client.execute(
                uri: "/account/calendar", method: .post, headers: headers, body: form([("_csrf", world.csrf(.practitioner))])
            ) { $0.headers[.location] ?? "" }
            let token = try #require(location.components(separatedBy: "feed=").last)
            let served = try await client.execute(uri: "/calendar/\(token).ics", method: .get) { $0.status }
            #expect(served == .ok)
            let reads = try await AuditTrail(world.store).search(.init(clinicID: world.clinic.id)).items.filter { $0.action == "calendar.read" }
            #expect(reads.count == 1)

            try await AccountStore(world.store).setDisabled(userID: world.sessions[.practitioner]!.actor.userID, at: Date())
            let stopped = try await client.execute(uri: "/calendar/\(token).ics", method: .get) { $0.status }
            #expect(stopped == .notFound)
        }
    }
}
