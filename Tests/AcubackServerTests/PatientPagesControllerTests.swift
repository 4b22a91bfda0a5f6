import AcubackCore
import AcubackStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AcubackServer
@testable import AcubackServices

/// The desk's registration page.
@Suite struct PatientPagesControllerTests {
    func register(_ client: some TestClientProtocol, _ world: TestWorld, _ fields: [(String, String)]) async throws -> TestResponse {
        var headers = world.headers(.reception)
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await client.execute(uri: "/patients", method: .post, headers: headers, body: form([("_csrf", world.csrf(.reception))] + fields)) { $0 }
    }

    /// Registering someone already on record with the same name and birth date names that record,
    /// keeps what was typed, and registers a second person only when the desk says so.
    @Test func anIntakeRegionTheFormDoesNotOfferIsNamedAndNothingIsStored() async throws {
        try await withTestWorld { client, world in
            let before = try await PatientStore(world.store).clinical(patientID: world.otherPatientID)?.risks
            var headers = world.headers(.practitioner)
            headers[.contentType] = "application/x-www-form-urlencoded"
            let body = form([("_csrf", world.csrf(.practitioner)), ("bmi", "31"), ("brokenSkinRegions", "lowerBack"), ("brokenSkinRegions", "elbow")])
            try await client.execute(uri: "/patients/\(world.otherPatientID)/intake", method: .post, headers: headers, body: body) { response in
                #expect(response.status == .badRequest)
                #expect(response.body.text.contains("elbow"))
            }
            #expect(try await PatientStore(world.store).clinical(patientID: world.otherPatientID)?.risks == before)
        }
    }

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

    func page(_ client: some TestClientProtocol, _ world: TestWorld, _ role: Role, _ uri: String) async throws -> String {
        try await client.execute(uri: uri, method: .get, headers: world.headers(role)) { $0.body.text }
    }

    /// What a page shows outside its "details for the curious" toggles.
    func outsideDetails(_ html: String) -> String {
        html.replacing(/<details class="curious".*?<\/details>/.dotMatchesNewlines(), with: "")
    }

    /// The patient reads their own record in plain words; codes and trial names wait behind a toggle.
    @Test func thePatientsOwnPagesAreInPlainWordsWithTheDetailsBehindAToggle() async throws {
        try await withTestWorld { client, world in
            let own = try await page(client, world, .patient, "/patients/\(world.ownPatientID)")
            #expect(own.contains("<strong>Your plan</strong>") && own.contains("fine needles:") && own.contains("the needles stay in for"))
            #expect(own.contains("id=\"plan-details\"") && own.contains("BL25 left"))
            let plain = outsideDetails(own)
            #expect(!plain.contains("BL25") && !plain.contains("GERAC") && !plain.contains("Brinkhaus"), "codes and trial names only in the toggles")
            #expect(!plain.contains("Modified Schober") && !plain.contains("Patient-Specific Functional Scale"))

            let staff = try await page(client, world, .practitioner, "/patients/\(world.ownPatientID)")
            #expect(staff.contains("<strong>Current plan</strong>") && !staff.contains("id=\"plan-details\""))

            let course = try await page(client, world, .patient, "/patients/\(world.ownPatientID)/courses/\(world.courseID)")
            #expect(course.contains("<h1 id=\"course-title\">Your course of"))
            #expect(!outsideDetails(course).contains("STRICTA") && !outsideDetails(course).contains("Modified Schober"))

            let session = try await page(client, world, .patient, "/sessions/\(world.sessionID)")
            #expect(session.contains("id=\"session-plain\"") && session.contains("needles went in"))
            #expect(!outsideDetails(session).contains("BL25"))
            let chair = try await page(client, world, .practitioner, "/sessions/\(world.sessionID)")
            #expect(!chair.contains("id=\"session-plain\""))
        }
    }
}
