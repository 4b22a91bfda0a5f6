import AcubackCore
import AcubackStore
import AcubackTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AcubackServer
@testable import AcubackServices

/// Contact time at the chair, the clinic's billing settings and superbills, through the JSON API.
@Suite struct APIServiceBillingTests {
    func lines(_ bill: [String: Any]) -> [String] {
        ((bill["lines"] as? [[String: Any]]) ?? []).map { "\($0["code"] ?? "-")×\($0["units"] ?? 0)" }
    }

    func minorUnits(_ money: Any?) -> Int? { (money as? [String: Any])?["minorUnits"] as? Int }

    @Test func aSessionWithContactTimeAndAReinsertionIsBilledFromItsLedger() async throws {
        let clock = TestClock()
        try await withTestWorld(clock: clock) { client, world in
            let id = world.sessionID
            let (open, refusal) = try await send(client, world, .practitioner, .get, "/api/v1/sessions/\(id)/superbill")
            #expect(open == .unprocessableContent)
            #expect((refusal["errors"] as? [[String: String]])?.first?["field"] == "session", "\(refusal)")

            let fees = #"{"mode": "procedureCodes", "currency": "USD", "fees": [{"code": "97810", "minorUnits": 7500}, {"code": "97811", "minorUnits": 4000}], "sessionFee": 0, "taxId": "12-3456789", "placeOfService": "11"}"#
            let (saved, _) = try await send(client, world, .admin, .put, "/api/v1/billing-settings", fees)
            #expect(saved == .ok)
            let (npi, _) = try await send(
                client, world, .admin, .put, "/api/v1/practitioners/\(world.practitionerID)/billing", #"{"npi": "1234567893", "credentials": "L.Ac."}"#)
            #expect(npi == .ok)

            // 31 minutes with the patient: two needles in, out at 15 minutes, one set re-inserted.
            let (_, session) = try await send(client, world, .practitioner, .get, "/api/v1/sessions/\(id)")
            let needles = try #require(session["needles"] as? [[String: Any]]).prefix(2)
            #expect(try await send(client, world, .practitioner, .post, "/api/v1/sessions/\(id)/contact", #"{"running": true}"#).0 == .ok)
            let (twice, again) = try await send(client, world, .practitioner, .post, "/api/v1/sessions/\(id)/contact", #"{"running": true}"#)
            #expect(twice == .unprocessableContent)
            #expect((again["errors"] as? [[String: String]])?.first?["field"] == "contact", "\(again)")
            for needle in needles {
                let body = #"{"point": "\#(needle["point"]!)", "side": "\#(needle["side"]!)", "depthMm": 10, "needleType": "0.25 × 40 mm, steel", "stimulation": "manual", "deQi": true}"#
                #expect(try await send(client, world, .practitioner, .post, "/api/v1/sessions/\(id)/needles", body).0 == .created)
            }
            clock.advance(minutes: 15)
            #expect(try await send(client, world, .practitioner, .post, "/api/v1/sessions/\(id)/removals", #"{"all": true, "count": 2}"#).0 == .ok)
            let first = try #require(needles.first)
            let back = #"{"point": "\#(first["point"]!)", "side": "\#(first["side"]!)", "depthMm": 10, "needleType": "0.25 × 40 mm, steel", "stimulation": "manual", "deQi": true}"#
            #expect(try await send(client, world, .practitioner, .post, "/api/v1/sessions/\(id)/needles", back).0 == .created)
            clock.advance(minutes: 16)
            #expect(try await send(client, world, .practitioner, .post, "/api/v1/sessions/\(id)/contact", #"{"running": false}"#).0 == .ok)
            clock.advance(minutes: 10)
            #expect(try await send(client, world, .practitioner, .post, "/api/v1/sessions/\(id)/removals", #"{"all": true, "count": 1}"#).0 == .ok)
            #expect(try await send(client, world, .practitioner, .post, "/api/v1/sessions/\(id)/close", #"{"painAfter": 2}"#).0 == .ok)

            let (status, bill) = try await send(client, world, .patient, .get, "/api/v1/sessions/\(id)/superbill")
            #expect(status == .ok, "\(bill)")
            #expect(lines(bill) == ["97810×1", "97811×1"], "31 minutes of contact, one re-insertion; the 10 minutes alone are not billed")
            #expect(minorUnits(bill["total"]) == 11_500)
            #expect(minorUnits(bill["balance"]) == 11_500)
            #expect((bill["provider"] as? [String: String])?["npi"] == "1234567893")
            #expect((bill["clinic"] as? [String: String])?["taxId"] == "12-3456789")
            let diagnoses = try #require(bill["diagnoses"] as? [[String: String]])
            #expect(!diagnoses.isEmpty && diagnoses.allSatisfy { BillingCatalogue.diagnosis($0["code"] ?? "") != nil })
            let pointers = try #require((bill["lines"] as? [[String: Any]])?.first?["pointers"] as? [String])
            #expect(pointers == Array(diagnoses.prefix(4).compactMap { $0["pointer"] }))

            // The printable page says the same to reception; another patient cannot read it.
            let page = try await client.execute(uri: "/sessions/\(id)/superbill", method: .get, headers: world.headers(.reception)) { $0 }
            #expect(page.status == .ok)
            #expect(page.body.text.contains("97811") && page.body.text.contains("NPI 1234567893") && page.body.text.contains("115.00 USD"))
        }
    }

    @Test(arguments: TestBackend.available)
    func badSettingsAndIdentitiesAreRefusedByFieldAndNothingIsStored(backend: TestBackend) async throws {
        try await withTestWorld(backend) { client, world in
            let bad = #"{"mode": "procedureCodes", "currency": "XYZ", "fees": [{"code": "97810", "minorUnits": 7500}], "sessionFee": 0, "taxId": "", "placeOfService": "11"}"#
            let (status, problem) = try await send(client, world, .admin, .put, "/api/v1/billing-settings", bad)
            #expect(status == .badRequest)
            #expect((problem["errors"] as? [[String: String]])?.map { $0["field"] } == ["currency"], "\(problem)")
            let (_, stored) = try await send(client, world, .admin, .get, "/api/v1/billing-settings")
            #expect((stored["fees"] as? [Any])?.isEmpty == true, "the refused fees were not kept: \(stored)")

            let (refused, npiProblem) = try await send(
                client, world, .admin, .put, "/api/v1/practitioners/\(world.practitionerID)/billing", #"{"npi": "1234567890", "credentials": "L.Ac."}"#)
            #expect(refused == .badRequest)
            #expect((npiProblem["errors"] as? [[String: String]])?.first?["field"] == "npi")
            #expect(try await BillingStore(world.store).provider(practitionerID: world.practitionerID) == nil)

            let (missing, _) = try await send(
                client, world, .admin, .put, "/api/v1/practitioners/\(UUID())/billing", #"{"npi": "", "credentials": ""}"#)
            #expect(missing == .notFound)
        }
    }
}
