import AcubackCore
import AcubackStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AcubackServer
@testable import AcubackServices

/// The admin sets a practitioner's week with the same day-by-day controls as the clinic's hours.
@Suite struct AdminPractitionersControllerTests {
    func post(_ client: some TestClientProtocol, _ world: TestWorld, _ uri: String, _ fields: [(String, String)]) async throws -> (HTTPResponse.Status, String) {
        var headers = world.headers(.admin)
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await client.execute(uri: uri, method: .post, headers: headers, body: form([("_csrf", world.csrf(.admin))] + fields)) {
            ($0.status, $0.body.text)
        }
    }

    func week(_ prefix: String, _ hours: [Int: (String, String)]) -> [(String, String)] {
        (1...7).flatMap { weekday -> [(String, String)] in
            guard let (open, close) = hours[weekday] else { return [("\(prefix)-\(weekday)-closed", "on")] }
            return [("\(prefix)-\(weekday)-open", open), ("\(prefix)-\(weekday)-close", close)]
        }
    }

    @Test func anotherClinicsCertificateIsNotFoundAndStaysUnverified() async throws {
        try await withTestWorld { client, world in
            let clinics = ClinicStore(world.store)
            let stranger = try await clinics.createPractitioner(
                clinicID: world.otherClinic.id, userID: nil, name: "Sam Elsewhere", profession: "Acupuncturist", practisingSince: 2010)
            let certificate = try await clinics.addCertificate(practitionerID: stranger.id, Certificate(
                issuingBody: "British Acupuncture Council", number: "ELSEWHERE-1", validFrom: CalendarDay("2026-01-01")!,
                validTo: CalendarDay("2030-01-01")!))
            let (status, _) = try await post(client, world, "/admin/certificates/\(certificate.id)/verify", [])
            #expect(status == .notFound)
            let stored = try #require(try await clinics.practitioner(id: stranger.id)?.certificates.first)
            #expect(!stored.certificate.isVerified)
        }
    }

    @Test func hoursAreSetRowByRowAndABadDayIsNamed() async throws {
        try await withTestWorld { client, world in
            let clinics = ClinicStore(world.store)
            let practitioner = try #require(try await clinics.practitioner(id: world.practitionerID))
            let prefix = AdminPractitionersController.hoursPrefix(practitioner.id)
            let page = try await client.execute(uri: "/admin/practitioners", method: .get, headers: world.headers(.admin)) { $0.body.text }
            #expect(page.contains("id=\"\(prefix)-1-open\"") && !page.contains("1=09:00"), "rows of controls, no typed format")

            let (refused, answer) = try await post(client, world, "/admin/practitioners/\(practitioner.id)/hours", week(prefix, [1: ("10:00", "14:00"), 3: ("16:00", "09:00")]))
            #expect(refused == .badRequest || refused == .unprocessableContent)
            #expect(answer.contains("Wednesday"))
            #expect(try await clinics.practitioner(id: practitioner.id)?.hours == practitioner.hours, "nothing stored")

            let (saved, _) = try await post(client, world, "/admin/practitioners/\(practitioner.id)/hours", week(prefix, [1: ("10:00", "14:00")]))
            #expect(saved == .seeOther || saved == .ok)
            let stored = try #require(try await clinics.practitioner(id: practitioner.id)).hours
            #expect(stored.ranges(on: 1) == [MinuteRange(start: 600, end: 840)] && stored.ranges(on: 2).isEmpty)
            let after = try await client.execute(uri: "/admin/practitioners", method: .get, headers: world.headers(.admin)) { $0.body.text }
            #expect(after.contains("Hours: Mon 10:00–14:00"))
        }
    }
}
