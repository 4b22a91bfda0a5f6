import AcubackCore
import AcubackStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AcubackServer

@Suite struct ChairPagesControllerTests {
    func page(_ client: some TestClientProtocol, _ world: TestWorld, _ role: Role, _ uri: String) async throws -> (HTTPResponse.Status, String) {
        try await client.execute(uri: uri, method: .get, headers: world.headers(role)) { ($0.status, $0.body.text) }
    }

    func post(_ client: some TestClientProtocol, _ world: TestWorld, _ uri: String, _ fields: [(String, String)]) async throws -> TestResponse {
        var headers = world.headers(.practitioner)
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await client.execute(uri: uri, method: .post, headers: headers, body: form([("_csrf", world.csrf(.practitioner))] + fields)) { $0 }
    }

    @Test func theSessionsPractitionerGetsTheControlsAColleagueOnlyTheRecord() async throws {
        try await withTestWorld { client, world in
            let (status, own) = try await page(client, world, .practitioner, "/sessions/\(world.sessionID)")
            #expect(status == .ok)
            #expect(own.contains("id=\"insert-form\"") && own.contains("id=\"start-timer\"") && own.contains("class=\"needle-in\""))
            #expect(own.contains("data-key=\"BL25 left\" data-state=\"waiting\""), "the chart markers carry their needle and state")
            #expect(!own.contains("nil"))
            let (_, colleague) = try await page(client, world, .practitioner, "/sessions/\(world.colleagueSessionID)")
            #expect(!colleague.contains("id=\"insert-form\"") && !colleague.contains("needle-in"))
            #expect(colleague.contains("id=\"needle-table\""))
        }
    }

    @Test func aTapRecordsTheNeedleAtThePlansDepthAndARefusalIsShownInPlace() async throws {
        try await withTestWorld { client, world in
            let uri = "/sessions/\(world.sessionID)"
            let tapped = try await post(client, world, uri + "/needles", [("needle", "BL25|left||"), ("needleType", "0.25 × 40 mm, steel"), ("stimulation", "manual"), ("deQi", "on")])
            #expect(tapped.status == .seeOther)
            let session = try #require(try await TreatmentSessionStore(world.store).session(id: world.sessionID))
            let planned = try #require(session.plan.needles.first { $0.point == "BL25" && $0.side == .left })
            #expect(session.chair.ledger.insertions.first?.depthMm == planned.maxDepthMm)
            let twice = try await post(client, world, uri + "/needles", [("needle", "BL25|left||"), ("needleType", "0.25 × 40 mm, steel")])
            #expect(twice.status == .unprocessableContent)
            #expect(twice.body.text.contains("BL25 left is already in"))
            let closing = try await post(client, world, uri + "/close", [("painAfter", "2")])
            #expect(closing.status == .badRequest)
            #expect(closing.body.text.contains("1 needle(s) are still in"))
        }
    }

    @Test func theDashboardShowsRunningSessionsWithTheirRoomAndTimer() async throws {
        try await withTestWorld { client, world in
            _ = try await post(client, world, "/sessions/\(world.sessionID)/timer", [])
            let (status, body) = try await page(client, world, .practitioner, "/chair")
            #expect(status == .ok)
            #expect(body.contains("data-session=\"\(world.sessionID)\" data-ends-at="))
            #expect(!body.contains("data-session=\"\(world.colleagueSessionID)\""), "a colleague's session is on their own dashboard")
            #expect(!body.contains("nil"))
        }
    }

    @Test func aClosedSessionShowsTheOutcomeWithoutEmptyRows() async throws {
        try await withTestWorld { client, world in
            let uri = "/sessions/\(world.sessionID)"
            _ = try await post(client, world, uri + "/close", [("painAfter", "2"), ("adviceGiven", "on")])
            let (_, body) = try await page(client, world, .patient, uri)
            #expect(body.contains("id=\"closed\""))
            #expect(body.contains("2/10"))
            #expect(!body.contains("Timing reason"))
            #expect(!body.contains("id=\"close-form\""), "nothing to change once closed")
        }
    }
}
