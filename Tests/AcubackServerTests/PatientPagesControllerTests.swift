import AcubackCore
import AcubackStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AcubackServer

/// The desk's registration page.
@Suite struct PatientPagesControllerTests {
    func register(_ client: some TestClientProtocol, _ world: TestWorld, _ fields: [(String, String)]) async throws -> TestResponse {
        var headers = world.headers(.reception)
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await client.execute(uri: "/patients", method: .post, headers: headers, body: form([("_csrf", world.csrf(.reception))] + fields)) { $0 }
    }

    /// Registering someone already on record with the same name and birth date names that record,
    /// keeps what was typed, and registers a second person only when the desk says so.
    @Test func theSameNameAndBirthDateAgainIsAWarningWithTheRecord() async throws {
        try await withTestWorld { client, world in
            let margaret = try #require(try await PatientStore(world.store).patient(id: world.ownPatientID))
            let fields = [("givenName", margaret.givenName.uppercased()), ("familyName", margaret.familyName), ("birthDate", margaret.birthDate), ("phone", "01632 960001")]
            let warned = try await register(client, world, fields)
            #expect(warned.status == .conflict)
            let html = warned.body.text
            #expect(html.contains("id=\"duplicate-warning\"") && html.contains("href=\"/patients/\(margaret.id.uuidString)\""))
            #expect(html.contains("id=\"confirm-duplicate\"") && html.contains("value=\"01632 960001\""))
            let before = try await PatientStore(world.store).patients(clinicID: world.clinic.id, matching: margaret.familyName).total
            let confirmed = try await register(client, world, fields + [("confirmDuplicate", "on")])
            #expect(confirmed.status == .seeOther)
            #expect(try await PatientStore(world.store).patients(clinicID: world.clinic.id, matching: margaret.familyName).total == before + 1)
        }
    }
}
