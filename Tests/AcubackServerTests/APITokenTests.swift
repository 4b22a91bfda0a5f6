import AcubackCore
import AcubackTestSupport
@testable import AcubackStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AcubackServer
@testable import AcubackServices

@Suite struct APITokenTests {
    func makeToken(_ client: some TestClientProtocol, _ world: TestWorld, as role: Role) async throws -> String {
        var headers = world.headers(role)
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await client.execute(uri: "/account/tokens", method: .post, headers: headers, body: form([("_csrf", world.csrf(role)), ("name", "script")])) { response in
            #expect(response.status == .ok)
            let html = response.body.text
            let range = try #require(html.range(of: #"acb_[A-Za-z0-9_-]{20,}"#, options: .regularExpression))
            return String(html[range])
        }
    }

    @Test func aTokenIsShownOnceAndStoredOnlyAsAHash() async throws {
        try await withTestWorld { client, world in
            let token = try await makeToken(client, world, as: .practitioner)
            try await client.execute(uri: "/account", method: .get, headers: world.headers(.practitioner)) { response in
                #expect(!response.body.text.contains(token))
                #expect(response.body.text.contains(String(token.prefix(10))))
            }
            let stored = try await (world.store.sql).raw("SELECT token_hash FROM api_tokens").all()
                .map { try $0.decode(column: "token_hash", as: String.self) }
            #expect(stored == [SecureToken.hash(token)])
        }
    }

    @Test(arguments: TestBackend.available)
    func aBearerTokenActsAsItsOwnerUntilRevoked(backend: TestBackend) async throws {
        try await withTestWorld(backend) { client, world in
            let token = try await makeToken(client, world, as: .practitioner)
            try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer \(token)"]) { response in
                #expect(response.status == .ok)
                let me = try response.body.json()
                #expect(me["role"] as? String == "practitioner")
                #expect(me["email"] as? String == world.sessions[.practitioner]!.email)
            }
            try await client.execute(
                uri: "/api/v1/plans/preview", method: .post, headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                body: ByteBuffer(string: #"{"regions": ["lower"], "side": "both", "onset": "chronic"}"#)
            ) { response in
                #expect(response.status == .ok)
            }
            let id = try #require(try await AccountStore(world.store).apiTokens(userID: world.sessions[.practitioner]!.actor.userID).first).id
            var headers = world.headers(.practitioner)
            headers[.contentType] = "application/x-www-form-urlencoded"
            try await client.execute(uri: "/account/tokens/\(id)/revoke", method: .post, headers: headers, body: form([("_csrf", world.csrf(.practitioner))])) { response in
                #expect(response.status == .seeOther)
            }
            try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer \(token)"]) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.contentType]?.hasPrefix("application/problem+json") == true)
            }
        }
    }

    @Test(arguments: ["Bearer acb_not-a-real-token", "Bearer ", "Basic dXNlcjpwYXNz"])
    func aWrongTokenIsRefused(header: String) async throws {
        try await withTestWorld { client, _ in
            try await client.execute(uri: "/api/v1/points", method: .get, headers: [.authorization: header]) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }
}
