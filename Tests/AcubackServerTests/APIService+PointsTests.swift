import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AcubackServer
@testable import AcubackServices

@Suite struct APIServicePointsTests {
    @Test func listsThePointsOfARegionPageByPage() async throws {
        try await withTestApp { client, _ in
            let all = try await client.execute(uri: "/api/v1/points?region=lower&limit=500", method: .get) { try $0.body.json() }
            let total = try #require(all["total"] as? Int)
            #expect(total > 20)
            let page = try await client.execute(uri: "/api/v1/points?region=lower&limit=5&offset=5", method: .get) { try $0.body.json() }
            let items = try #require(page["items"] as? [[String: Any]])
            #expect(items.count == 5)
            #expect(page["total"] as? Int == total)
            let allItems = try #require(all["items"] as? [[String: Any]])
            #expect(items.map { $0["code"] as? String } == allItems[5..<10].map { $0["code"] as? String })
        }
    }

    @Test func theWholeCatalogueIsThere() async throws {
        try await withTestApp { client, _ in
            let page = try await client.execute(uri: "/api/v1/points?meridian=BL&limit=500", method: .get) { try $0.body.json() }
            #expect(page["total"] as? Int == 67)
        }
    }

    @Test func findsAPointByAlias() async throws {
        try await withTestApp { client, _ in
            try await client.execute(uri: "/api/v1/points/UB23", method: .get) { response in
                #expect(response.status == .ok)
                let point = try response.body.json()
                #expect(point["code"] as? String == "BL23")
                let needling = try #require(point["needling"] as? [String: Any])
                #expect(needling["depthMm"] as? [Int] == [18, 26])
                #expect(needling["level"] as? String == "L2")
            }
        }
    }

    @Test func anUnknownPointIsA404ProblemDocument() async throws {
        try await withTestApp { client, _ in
            try await client.execute(uri: "/api/v1/points/XX9", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType]?.hasPrefix("application/problem+json") == true)
                let problem = try response.body.json()
                #expect((problem["detail"] as? String)?.contains("XX9") == true)
            }
        }
    }

    @Test(arguments: [("region=nowhere", "region"), ("limit=0", "limit"), ("limit=many", "limit"), ("offset=-3", "offset"), ("level=T13", "level")])
    func badQueryParametersAreNamed(query: String, field: String) async throws {
        try await withTestApp { client, _ in
            try await client.execute(uri: "/api/v1/points?\(query)", method: .get) { response in
                #expect(response.status == .badRequest)
                let errors = try #require(try response.body.json()["errors"] as? [[String: Any]])
                #expect(errors.first?["field"] as? String == field)
            }
        }
    }

    @Test func anUnknownAPIPathIsAProblemDocument() async throws {
        try await withTestApp { client, _ in
            try await client.execute(uri: "/api/v1/no-such-thing", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType]?.hasPrefix("application/problem+json") == true)
            }
        }
    }
}
