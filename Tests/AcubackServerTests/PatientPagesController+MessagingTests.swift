import AcubackCore
import AcubackStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AcubackServer
@testable import AcubackServices

@Suite struct PatientPagesControllerMessagingTests {
    func postTexts(_ client: some TestClientProtocol, _ world: TestWorld, _ role: Role, patient: UUID, wanted: Bool)
        async throws -> (HTTPResponse.Status, String)
    {
        var headers = world.headers(role)
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await client.execute(
            uri: "/patients/\(patient)/texts", method: .post, headers: headers,
            body: form((wanted ? [("textReminders", "on")] : []) + [("_csrf", world.csrf(role))])
        ) { ($0.status, $0.body.text) }
    }

    @Test func theOwnPageListsWhatIsStillToDoBeforeTheFirstVisit() async throws {
        try await withTestWorld { client, world in
            try await client.execute(uri: "/patients/\(world.ownPatientID)", method: .get, headers: world.headers(.patient)) { response in
                let page = response.body.text
                #expect(page.contains(#"id="before-first-visit""#))
                #expect(page.contains(#"id="texts-form""#))
            }
            try await client.execute(uri: "/patients/\(world.otherPatientID)", method: .get, headers: world.headers(.reception)) { response in
                let page = response.body.text
                #expect(!page.contains(#"id="before-first-visit""#), "the checklist is the patient's own")
                #expect(page.contains(#"id="texts-form""#), "the desk sets the choice for the patient")
            }
        }
    }

    @Test func textsNeedANumberAndTheDeskSetsThemForAPatientWithOne() async throws {
        try await withTestWorld { client, world in
            let (refused, page) = try await postTexts(client, world, .patient, patient: world.ownPatientID, wanted: true)
            #expect(refused == .badRequest)
            #expect(page.contains(#"id="texts-error""#))
            let patient = try await AcubackConfiguration(port: 0).services(over: world.store).patients.create(
                .init(givenName: "Uma", familyName: "Texts", birthDate: "1990-09-09", email: nil, phone: "07700 900126"),
                by: world.sessions[.reception]!.actor, from: nil)
            let (saved, _) = try await postTexts(client, world, .reception, patient: patient.id, wanted: true)
            #expect(saved == .seeOther)
            #expect(try await MessagingStore(world.store).textsWanted(patientID: patient.id))
            try await client.execute(uri: "/patients/\(patient.id)?texts=saved", method: .get, headers: world.headers(.reception)) { response in
                #expect(response.body.text.contains(#"id="texts-saved""#))
                #expect(response.body.text.contains("Yes: confirmations and reminders by text"))
            }
        }
    }
}
