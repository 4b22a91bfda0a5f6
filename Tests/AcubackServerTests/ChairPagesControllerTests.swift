import AcubackCore
import AcubackStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AcubackServer
@testable import AcubackServices

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

    /// A tender point placed on the chart by area, level and side gets the rules of that spot: over
    /// the thorax the lung's cap, not 100 mm; the chair offers no electrical stimulation to a patient
    /// whose plan has none; a pregnant patient's chair asks for a reason to override.
    @Test func aTenderPointIsPlacedOnTheChartAndCheckedLikeAnyNeedle() async throws {
        try await withTestWorld { client, world in
            let uri = "/sessions/\(world.sessionID)"
            let (_, html) = try await page(client, world, .practitioner, uri)
            #expect(html.contains("id=\"extra-area\"") && html.contains("id=\"extra-level\""))
            #expect(!html.contains("<option value=\"electrical\">"), "the demo plan has no electroacupuncture")
            #expect(html.contains("id=\"no-electrical\""))
            let deep = try await post(client, world, uri + "/needles", [
                ("area", "upperBack"), ("level", "T4"), ("side", "right"), ("location", "edge of the scapula"), ("depthMm", "40"),
                ("needleType", "0.25 × 40 mm, steel"), ("stimulation", "manual"),
            ])
            #expect(deep.status == .unprocessableContent)
            #expect(deep.body.text.contains("lung.depth-cap"))
            let unplaced = try await post(client, world, uri + "/needles", [("location", "somewhere sore"), ("depthMm", "10"), ("needleType", "0.25 × 40 mm, steel")])
            #expect(unplaced.status == .badRequest)
            let placed = try await post(client, world, uri + "/needles", [
                ("area", "upperBack"), ("level", "T4"), ("side", "right"), ("location", "edge of the scapula"), ("depthMm", "8"),
                ("needleType", "0.25 × 40 mm, steel"), ("stimulation", "manual"),
            ])
            #expect(placed.status == .seeOther)
            let session = try #require(try await TreatmentSessionStore(world.store).session(id: world.sessionID))
            #expect(session.chair.ledger.insertions.map(\.key.bodyLocation) == [BodyLocation(area: .upperBack, level: .T4, side: .right, note: "edge of the scapula")])
            // Out again through the row's button, which carries the whole spot; the chart draws the
            // needle where it was placed, as a tap target like the planned ones.
            let (_, after) = try await page(client, world, .practitioner, uri)
            #expect(after.contains("value=\"|right||edge of the scapula|upperBack|T4\""))
            #expect(after.contains("class=\"needle role-extra state-in\" data-key=\"extra needle at edge of the scapula (upperBack T4 right)\""))
            #expect(after.contains("class=\"zone\" data-area=\"upperBack\" data-level=\"T4\" data-side=\"right\""))
            let out = try await post(client, world, uri + "/removals", [("needle", "|right||edge of the scapula|upperBack|T4")])
            #expect(out.status == .seeOther)

            try await PatientStore(world.store).updateIntake(patientID: session.patientID, risks: RiskFactors(pregnancyWeek: 24, bmi: 24))
            let (_, pregnantPage) = try await page(client, world, .practitioner, uri)
            #expect(pregnantPage.contains("id=\"needle-override\"") && pregnantPage.contains("week 24"))
            let forbidden = try await post(client, world, uri + "/needles", [("point", "SP6"), ("side", "left"), ("depthMm", "5"), ("needleType", "0.25 × 40 mm, steel")])
            #expect(forbidden.status == .unprocessableContent)
            #expect(forbidden.body.text.contains("pregnancy.forbidden-point:SP6"))
            let reasoned = try await post(client, world, uri + "/needles", [
                ("point", "SP6"), ("side", "left"), ("depthMm", "5"), ("needleType", "0.25 × 40 mm, steel"), ("overrideReason", "Agreed with her midwife"),
            ])
            #expect(reasoned.status == .seeOther)
            let overridden = try #require(try await TreatmentSessionStore(world.store).session(id: world.sessionID)?.chair.ledger.insertions.last)
            #expect(overridden.override == SafetyOverride(findings: ["pregnancy.forbidden-point:SP6"], reason: "Agreed with her midwife"))
            let trail = try await AuditTrail(world.store).search(.init(clinicID: world.clinic.id), limit: 5)
            #expect(trail.items.contains { $0.action == "session.needleInOverride" })
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
