import AcubackCore
import AcubackStore
import AcubackTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AcubackServer
@testable import AcubackServices

/// Payments, packages and takings through the JSON API, on the demo patient's closed sessions.
@Suite struct APIServicePaymentsTests {
    func minor(_ money: Any?) -> Int? { (money as? [String: Any])?["minorUnits"] as? Int }

    func account(_ client: some TestClientProtocol, _ world: TestWorld) async throws -> [String: Any] {
        let (status, body) = try await send(client, world, .reception, .get, "/api/v1/patients/\(world.ownPatientID)/account")
        #expect(status == .ok, "\(body)")
        return body
    }

    @Test(arguments: TestBackend.available)
    func badPaymentsAreRefusedByFieldAndNothingIsStored(backend: TestBackend) async throws {
        try await withTestWorld(backend) { client, world in
            let path = "/api/v1/patients/\(world.ownPatientID)/payments"
            let (negative, problem) = try await send(client, world, .reception, .post, path, #"{"amount": {"minorUnits": -500, "currency": "USD"}, "method": "cash"}"#)
            #expect(negative == .badRequest)
            #expect((problem["errors"] as? [[String: String]])?.map { $0["field"] } == ["amount"], "\(problem)")
            let (foreign, currency) = try await send(client, world, .reception, .post, path, #"{"amount": {"minorUnits": 500, "currency": "EUR"}, "method": "cash"}"#)
            #expect(foreign == .badRequest)
            #expect((currency["errors"] as? [[String: String]])?.map { $0["field"] } == ["currency"])
            // Another clinic's patient: refused, whoever's name is on it.
            let (otherClinic, _) = try await send(
                client, world, .reception, .post, "/api/v1/patients/\(world.otherClinicPatientID)/payments",
                #"{"amount": {"minorUnits": 500, "currency": "USD"}, "method": "cash"}"#)
            #expect(otherClinic == .forbidden || otherClinic == .notFound)
            #expect((try await account(client, world)["payments"] as? [Any])?.isEmpty == true)
            let (patient, _) = try await send(client, world, .patient, .post, path, #"{"amount": {"minorUnits": 500, "currency": "USD"}, "method": "cash"}"#)
            #expect(patient == .forbidden, "a patient cannot record a payment to their own account")
        }
    }

    @Test(arguments: TestBackend.available)
    func aPackagePaysSessionsUntilUsedUpAndACancelCreditsTheRest(backend: TestBackend) async throws {
        try await withTestWorld(backend) { client, world in
            let fees = #"{"mode": "perSession", "currency": "USD", "fees": [], "sessionFee": 6000, "taxId": "", "placeOfService": "11"}"#
            #expect(try await send(client, world, .admin, .put, "/api/v1/billing-settings", fees).0 == .ok)
            let before = try await account(client, world)
            let sessions = try #require(before["charges"] as? [[String: Any]]).compactMap { $0["sessionId"] as? String }
            #expect(sessions.count >= 3, "the demo patient has closed sessions")
            #expect(minor(before["balance"]) == 6000 * sessions.count)

            let sell = #"{"name": "Two sessions", "sessions": 2, "price": {"minorUnits": 10000, "currency": "USD"}, "expires": "2099-01-01", "method": "card"}"#
            let (sold, package) = try await send(client, world, .reception, .post, "/api/v1/patients/\(world.ownPatientID)/packages", sell)
            #expect(sold == .created, "\(package)")
            let id = try #require(package["id"] as? String)
            for session in sessions.prefix(2) {
                let (drawn, body) = try await send(client, world, .reception, .post, "/api/v1/packages/\(id)/draws", #"{"sessionId": "\#(session)"}"#)
                #expect(drawn == .ok, "\(body)")
            }
            let (twice, again) = try await send(client, world, .reception, .post, "/api/v1/packages/\(id)/draws", #"{"sessionId": "\#(sessions[2])"}"#)
            #expect(twice == .unprocessableContent)
            #expect((again["detail"] as? String)?.contains("no session left") == true, "\(again)")
            let after = try await account(client, world)
            // Two sessions paid by the package (bought for 100.00, paid at once): the rest still owed.
            #expect(minor(after["balance"]) == 6000 * (sessions.count - 2))
            let charges = try #require(after["charges"] as? [[String: Any]])
            #expect(charges.filter { $0["fromPackage"] as? Bool == true }.count == 2)

            // A second package of 3, one used, cancelled: two thirds of its price come back as credit.
            let three = #"{"name": "Three sessions", "sessions": 3, "price": {"minorUnits": 15000, "currency": "USD"}, "expires": "2099-01-01", "method": "cash"}"#
            let (_, second) = try await send(client, world, .reception, .post, "/api/v1/patients/\(world.ownPatientID)/packages", three)
            let secondID = try #require(second["id"] as? String)
            #expect(try await send(client, world, .reception, .post, "/api/v1/packages/\(secondID)/draws", #"{"sessionId": "\#(sessions[2])"}"#).0 == .ok)
            let (cancelled, body) = try await send(client, world, .reception, .post, "/api/v1/packages/\(secondID)/cancel")
            #expect(cancelled == .ok && body["status"] as? String == "cancelled", "\(body)")
            let credited = try #require(try await account(client, world)["payments"] as? [[String: Any]]).filter { $0["method"] as? String == "packageCredit" }
            #expect(credited.map { minor($0["amount"]) } == [10000])
            let (refused, _) = try await send(client, world, .reception, .post, "/api/v1/packages/\(secondID)/cancel")
            #expect(refused == .unprocessableContent, "a package is cancelled once")

            // The day's takings: the two packages' prices, not the credit.
            let today = CalendarDay(Date(), in: try await ClinicStore(world.store).settings(clinicID: world.clinic.id).zone).description
            let (_, takings) = try await client.execute(
                uri: "/api/v1/takings?day=\(today)", method: .get, headers: world.headers(.reception)
            ) { ($0.status, (try? JSONSerialization.jsonObject(with: Data(buffer: $0.body))) as? [[String: Any]] ?? []) }
            #expect(takings.compactMap { minor($0["amount"]) }.sorted() == [10000, 15000])
        }
    }

    func post(_ client: some TestClientProtocol, _ world: TestWorld, _ uri: String, _ fields: [(String, String)]) async throws -> TestResponse {
        var headers = world.headers(.reception)
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await client.execute(uri: uri, method: .post, headers: headers, body: form([("_csrf", world.csrf(.reception))] + fields)) { $0 }
    }

    /// The account page offers the package to pay a session from, and pays it; a package is only
    /// cancelled from its own patient's account.
    @Test func theDeskPaysASessionFromAPackageOnTheAccountPage() async throws {
        try await withTestWorld { client, world in
            let sell = #"{"name": "Two sessions", "sessions": 2, "price": {"minorUnits": 10000, "currency": "USD"}, "expires": "2099-01-01", "method": "card"}"#
            let (_, package) = try await send(client, world, .reception, .post, "/api/v1/patients/\(world.ownPatientID)/packages", sell)
            let id = try #require(package["id"] as? String)
            let page = try await client.execute(uri: "/patients/\(world.ownPatientID)/account", method: .get, headers: world.headers(.reception)) { $0.body.text }
            #expect(page.contains("id=\"draw-form\"") && page.contains("Two sessions (2 left)"))
            let session = try #require(try await account(client, world)["charges"] as? [[String: Any]]).first?["sessionId"] as? String
            let drawn = try await post(client, world, "/patients/\(world.ownPatientID)/package-draws", [("packageId", id), ("sessionId", try #require(session))])
            #expect(drawn.status == .seeOther)
            let after = try #require(try await account(client, world)["packages"] as? [[String: Any]])
            #expect(after.first?["left"] as? Int == 1)
            let elsewhere = try await post(client, world, "/patients/\(world.otherPatientID)/packages/\(id)/cancel", [])
            #expect(elsewhere.status == .notFound)
            #expect(try #require(try await account(client, world)["packages"] as? [[String: Any]]).first?["status"] as? String == "active")
            // With money on record, the clinic's currency stays what it is.
            let (changed, problem) = try await send(
                client, world, .admin, .put, "/api/v1/billing-settings",
                #"{"mode": "perSession", "currency": "EUR", "fees": [], "sessionFee": 6000, "taxId": "", "placeOfService": "11"}"#)
            #expect(changed == .badRequest)
            #expect((problem["errors"] as? [[String: String]])?.first?["field"] == "currency")
            let receipt = try #require((try await account(client, world)["payments"] as? [[String: Any]])?.first?["receipt"] as? String)
            #expect(receipt.range(of: #"^R-[0-9A-F]{12}$"#, options: .regularExpression) != nil, "\(receipt)")
        }
    }
}
