import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AcubackServer
@testable import AcubackServices

@Suite struct APIServicePlansTests {
    static let chronicLowBack = #"""
        {"regions": ["lower"], "side": "both", "levels": ["L4", "L5"], "radiatesToLeg": false,
         "onset": "chronic", "electroacupuncture": false, "preferredPosition": null,
         "patient": {"pregnancyWeek": null, "anticoagulants": false, "bleedingDisorder": "none",
           "implantedDevice": false, "lungDisease": false, "thoracicSurgery": false, "bmi": 24.0,
           "faintingHistory": false, "needlePhobia": false, "epilepsy": false,
           "brokenSkinRegions": [], "cannotLieProne": false}}
        """#

    func preview(_ client: some TestClientProtocol, _ world: TestWorld, _ body: String) async throws -> (HTTPResponse.Status, [String: Any], String?) {
        var headers = world.headers(.practitioner)
        headers[.contentType] = "application/json"
        return try await client.execute(
            uri: "/api/v1/plans/preview", method: .post, headers: headers,
            body: ByteBuffer(string: body)
        ) { response in
            (response.status, try response.body.json(), response.headers[.contentType])
        }
    }

    @Test func previewsTheTypicalChronicLowBackPlan() async throws {
        try await withTestWorld { client, world in
            let (status, plan, _) = try await preview(client, world, Self.chronicLowBack)
            #expect(status == .ok)
            let count = try #require(plan["needleCount"] as? Int)
            #expect((15...20).contains(count))
            #expect(plan["position"] as? String == "prone")
            #expect(plan["protocol"] as? String == "Brinkhaus 2006")
            let needles = try #require(plan["needles"] as? [[String: Any]])
            #expect(Set(needles.compactMap { $0["role"] as? String }) == ["local", "adjacent", "distal", "auricular"])
            #expect(needles.allSatisfy { ($0["sources"] as? [String])?.isEmpty == false })
        }
    }

    @Test func editsAndAcknowledgementsTravelWithTheAssessment() async throws {
        try await withTestWorld { client, world in
            let body = #"{"regions": ["upper"], "side": "both", "onset": "chronic", "patient": {"bmi": 23}, "edits": [{"action": "add", "point": "GB21", "side": "left"}], "acknowledged": ["lung.depth-cap", "lung.gb21-depth-cap"]}"#
            let (status, plan, _) = try await preview(client, world, body)
            #expect(status == .ok)
            let needles = try #require(plan["needles"] as? [[String: Any]])
            #expect(needles.contains { $0["point"] as? String == "GB21" && $0["maxDepthMm"] as? Int == 10 })
            #expect(plan["usable"] as? Bool == true)
        }
    }

    @Test(arguments: [
        (#"{"regions": ["lumbar"], "side": "both", "onset": "chronic"}"#, "regions[0]"),
        (#"{"side": "both", "onset": "chronic"}"#, "regions"),
        (#"{"regions": ["upper"], "side": "both", "onset": "chronic", "levels": ["L4"]}"#, "levels[0]"),
        (#"{"regions": ["upper"], "side": "both", "onset": "chronic", "patient": {"bmi": 200}}"#, "patient.bmi"),
        (#"{"regions": ["upper"], "side": "both", "onset": "chronic", "edits": [{"action": "add", "point": "ZZ1", "side": "left"}]}"#, "edits[0].point"),
        (#"{"regions": ["upper"], "side": "#, "body"),
    ])
    func badInputIsAProblemDocumentNamingTheField(body: String, field: String) async throws {
        try await withTestWorld { client, world in
            let (status, problem, contentType) = try await preview(client, world, body)
            #expect(status == .badRequest)
            #expect(contentType?.hasPrefix("application/problem+json") == true)
            #expect(problem["status"] as? Int == 400)
            let errors = try #require(problem["errors"] as? [[String: Any]])
            #expect(errors.first?["field"] as? String == field, "\(errors)")
            #expect((errors.first?["rule"] as? String)?.isEmpty == false)
        }
    }

    @Test func aBodyThatIsNotJSONIsRefused() async throws {
        try await withTestWorld { client, world in
            var headers = world.headers(.practitioner)
            headers[.contentType] = "text/plain"
            try await client.execute(uri: "/api/v1/plans/preview", method: .post, headers: headers, body: ByteBuffer(string: "hello")) { response in
                #expect(response.status == .unsupportedMediaType)
                #expect(response.headers[.contentType]?.hasPrefix("application/problem+json") == true)
            }
        }
    }
}
