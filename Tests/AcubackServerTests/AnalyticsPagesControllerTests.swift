import AcubackCore
import AcubackStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AcubackServer
@testable import AcubackServices

@Suite struct AnalyticsPagesControllerTests {
    func get(_ client: some TestClientProtocol, _ world: TestWorld, _ role: Role, _ uri: String) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .get, headers: world.headers(role)) { $0 }
    }

    @Test func theDashboardShowsTheDemoCoursesBesideThePublishedRates() async throws {
        try await withTestWorld { client, world in
            let analytics = try await OutcomeStore(world.store).analytics(clinicID: world.clinic.id)
            let response = try await get(client, world, .practitioner, "/clinic/analytics")
            #expect(response.status == .ok)
            let page = response.body.text
            #expect(page.contains("<dd id=\"overall-courses\">\(analytics.overall.courses)</dd>"))
            #expect(page.contains("tiredness in about 24 % of patients") && page.contains("MacPherson H"))
            #expect(page.contains("id=\"by-practitioner\"") && page.contains("Mei Lin Chen"))
            #expect(!page.contains("id=\"settings-form\""), "only the admin changes the important difference")
            #expect(!page.contains("nil"))
        }
    }

    @Test func theCSVHasARowPerGroup() async throws {
        try await withTestWorld { client, world in
            let response = try await get(client, world, .admin, "/clinic/analytics.csv")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(response.headers[.contentDisposition]?.contains("attachment") == true)
            let lines = response.body.text.split(separator: "\r\n")
            #expect(lines.first?.hasPrefix("grouping,label,courses") == true)
            #expect(lines.contains { $0.hasPrefix("practitioner,\"Mei Lin Chen\",") })
            #expect(lines.contains { $0.hasPrefix("rate,\"Tiredness\",") })
        }
    }

    @Test func theAdminSetsTheImportantDifference() async throws {
        try await withTestWorld { client, world in
            var headers = world.headers(.admin)
            headers[.contentType] = "application/x-www-form-urlencoded"
            let refused = try await client.execute(
                uri: "/clinic/analytics/settings", method: .post, headers: headers,
                body: form([("_csrf", world.csrf(.admin)), ("importantPercent", "5"), ("importantPoints", "2")])) { $0 }
            #expect(refused.status == .badRequest && refused.body.text.contains("Important percent: must be from 10 to 90"))
            let saved = try await client.execute(
                uri: "/clinic/analytics/settings", method: .post, headers: headers,
                body: form([("_csrf", world.csrf(.admin)), ("importantPercent", "50"), ("importantPoints", "3"), ("instruments", "oswestry")])) { $0 }
            #expect(saved.status == .seeOther)
            #expect(try await OutcomeStore(world.store).settings(clinicID: world.clinic.id)
                == OutcomeSettings(importantPercent: 50, importantPoints: 3, instruments: [.oswestry]))
            let page = try await get(client, world, .admin, "/clinic/analytics?saved=1")
            #expect(page.body.text.contains("at least 50 % or 3 points") && page.body.text.contains("id=\"settings-saved\""))
        }
    }
}
