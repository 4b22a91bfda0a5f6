import AcubackCore
import AcubackStore
import AcubackTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Prometheus
import Testing

@testable import AcubackServer
@testable import AcubackServices

/// `/metrics` answers only a scraper holding the metrics token; no signed-in user, API token or
/// guess gets the counts, and without a token configured the endpoint is off.
@Suite struct MetricsEndpointMiddlewareTests {
    static let token = "scrape-token-0123456789"

    func withApp(token: String?, _ body: @Sendable (any TestClientProtocol, TestWorld) async throws -> Void) async throws {
        try await withDemoDatabase(.sqlite) { store in
            let world = try await TestWorld.make(store: store)
            var configuration = AcubackConfiguration(port: 0)
            configuration.metricsToken = token
            let app = try await buildApplication(
                configuration: configuration, services: configuration.services(over: store), logger: testLogger,
                metrics: PrometheusCollectorRegistry(), backgroundWork: false)
            try await app.test(.router) { client in try await body(client, world) }
        }
    }

    @Test func onlyTheMetricsTokenReadsTheCounts() async throws {
        try await withApp(token: Self.token) { client, world in
            var admin = world.headers(.admin)
            admin[.authorization] = nil
            var apiToken = HTTPFields()
            _ = try await AccountStore(world.store).createAPIToken(
                userID: world.sessions[.admin]!.actor.userID, name: "m", tokenHash: SecureToken.hash("user-api-token-123"), prefix: "acb_m", now: Date())
            apiToken[.authorization] = "Bearer user-api-token-123"
            for headers in [HTTPFields(), admin, apiToken, [.authorization: "Bearer scrape-token-012345678"]] {
                try await client.execute(uri: "/metrics", method: .get, headers: headers) { response in
                    #expect(response.status == .unauthorized)
                    #expect(!response.body.text.contains("http_requests"))
                }
            }
            try await client.execute(uri: "/healthz", method: .get) { _ in }
            try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer \(Self.token)"]) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
            }
        }
    }

    @Test func withoutATokenTheEndpointIsOff() async throws {
        try await withApp(token: nil) { client, world in
            try await client.execute(uri: "/metrics", method: .get, headers: world.headers(.admin)) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func aShortTokenIsRefusedAtStart() {
        #expect(throws: ConfigurationError.self) {
            _ = try AcubackConfiguration(flags: [:], environment: ["ACUBACK_METRICS_TOKEN": "short"])
        }
    }
}
