import AcubackCore
import AcubackStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AcubackServer
@testable import AcubackServices

@Suite struct AdminMessagingControllerTests {
    func post(_ client: some TestClientProtocol, _ world: TestWorld, _ fields: [(String, String)]) async throws -> (HTTPResponse.Status, String) {
        var headers = world.headers(.admin)
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await client.execute(
            uri: "/admin/messaging", method: .post, headers: headers, body: form(fields + [("_csrf", world.csrf(.admin))])
        ) { ($0.status, $0.body.text) }
    }

    @Test func theAdminSavesTheMessagingSettingsAndABadHourCountIsNamed() async throws {
        try await withTestWorld { client, world in
            try await client.execute(uri: "/admin/messaging", method: .get, headers: world.headers(.admin)) { response in
                #expect(response.status == .ok)
                #expect(response.body.text.contains(#"id="reminderHours" name="reminderHours" inputmode="numeric" value="24""#))
            }
            let (refused, page) = try await post(client, world, [("confirmByEmail", "on"), ("reminderHours", "a day")])
            #expect(refused == .badRequest)
            #expect(page.contains(#"id="messaging-error""#))
            #expect(page.contains("value=\"a day\""), "the typed value is kept")
            #expect(try await MessagingStore(world.store).settings(clinicID: world.clinic.id) == .standard, "nothing stored")

            let (saved, _) = try await post(client, world, [("remindByText", "on"), ("reminderHours", "3")])
            #expect(saved == .seeOther)
            let settings = try await MessagingStore(world.store).settings(clinicID: world.clinic.id)
            #expect(settings == MessagingSettings(confirmByEmail: false, confirmByText: false, remindByEmail: false, remindByText: true, reminderHours: 3))
        }
    }
}
