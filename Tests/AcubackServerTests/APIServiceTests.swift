import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AcubackServer
@testable import AcubackServices

@Suite struct APIServiceTests {
    @Test func healthAnswersWithTheVersion() async throws {
        try await withTestApp { client, _ in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                let body = try response.body.json()
                #expect(body["status"] as? String == "ok")
                #expect(body["version"] as? String == "0.1.0")
            }
        }
    }

    @Test func readyWhenTheDatabaseAnswersAndTheSchemaIsCurrent() async throws {
        try await withTestApp { client, _ in
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .ok)
                let body = try response.body.json()
                #expect(body["status"] as? String == "ready")
                let migrations = try #require(body["migrations"] as? [String: Any])
                #expect(migrations["pending"] as? [String] == [])
                #expect((migrations["applied"] as? Int ?? 0) > 0)
            }
        }
    }

    @Test func notReadyWhileMigrationsArePending() async throws {
        try await withTestApp(migrated: false) { client, _ in
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                let body = try response.body.json()
                #expect(body["status"] as? String == "unavailable")
                #expect((body["reason"] as? String)?.contains("acuback migrate") == true)
                let migrations = try #require(body["migrations"] as? [String: Any])
                #expect((migrations["pending"] as? [String])?.first == "001_create_clinics")
            }
        }
    }

    @Test func notReadyWhenTheDatabaseIsGone() async throws {
        try await withTestApp { client, store in
            await store.close()
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                let body = try response.body.json()
                #expect(body["status"] as? String == "unavailable")
            }
        }
    }

    @Test func servesItsOpenAPIDocument() async throws {
        try await withTestApp { client, _ in
            try await client.execute(uri: "/api/v1/openapi.yaml", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/yaml")
                #expect(response.body.text.hasPrefix("openapi: 3.1"))
                #expect(response.body.text.contains("operationId: getReadiness"))
            }
        }
    }
}
