import AcubackCore
import AcubackStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AcubackServer
@testable import AcubackServices

@Suite struct CoursePagesControllerTests {
    func page(_ client: some TestClientProtocol, _ world: TestWorld, _ role: Role, _ uri: String) async throws -> (HTTPResponse.Status, String) {
        try await client.execute(uri: uri, method: .get, headers: world.headers(role)) { ($0.status, $0.body.text) }
    }

    func post(_ client: some TestClientProtocol, _ world: TestWorld, _ role: Role, _ uri: String, _ fields: [(String, String)]) async throws -> TestResponse {
        var headers = world.headers(role)
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await client.execute(uri: uri, method: .post, headers: headers, body: form([("_csrf", world.csrf(role))] + fields)) { $0 }
    }

    func coursePath(_ world: TestWorld) -> String { "/patients/\(world.ownPatientID)/courses/\(world.courseID)" }

    @Test func thePatientSeesTheirChartsWithoutTheForms() async throws {
        try await withTestWorld { client, world in
            let (status, record) = try await page(client, world, .patient, "/patients/\(world.ownPatientID)")
            #expect(status == .ok)
            #expect(record.contains("Your progress"))
            #expect(record.contains("<svg") && record.contains("Pain over the course") && record.contains("class=\"chart-table\""))
            #expect(!record.contains("nil"))
            let (_, course) = try await page(client, world, .patient, coursePath(world))
            #expect(course.contains("Pain before and after each session"))
            #expect(!course.contains("id=\"measure-form\"") && !course.contains("id=\"review-form\""))
        }
    }

    @Test func aPractitionerRecordsMeasuresAndARefusalKeepsWhatWasTyped() async throws {
        try await withTestWorld { client, world in
            let (_, course) = try await page(client, world, .practitioner, coursePath(world))
            #expect(course.contains("id=\"measure-form\"") && course.contains("id=\"review-form\""))
            #expect(!course.contains("value=\"baseline\""), "the course has its baseline already")
            #expect(course.contains("value=\"bending forward\""), "the baseline's activities are offered again")
            let before = try await OutcomeStore(world.store).measures(courseID: world.courseID).count

            let refused = try await post(client, world, .practitioner, coursePath(world) + "/measures",
                                         [("timepoint", "session"), ("painNow", "12"), ("painWorst", "lots"), ("schoberCm", "4.5")])
            #expect(refused.status == .badRequest)
            #expect(refused.body.text.contains("Pain worst: must be a whole number from 0 to 10"))
            #expect(refused.body.text.contains("value=\"4.5\""), "the form keeps what was typed")
            #expect(try await OutcomeStore(world.store).measures(courseID: world.courseID).count == before)

            let saved = try await post(client, world, .practitioner, coursePath(world) + "/measures",
                                       [("timepoint", "follow-up"), ("painAverageWeek", "2"), ("activity0", "gardening"), ("activityScore0", "8")])
            #expect(saved.status == .seeOther)
            let measures = try await OutcomeStore(world.store).measures(courseID: world.courseID)
            #expect(measures.count == before + 1)
            #expect(measures.last?.measures.function == [FunctionActivity(activity: "gardening", score: 8)])
        }
    }

    @Test func reviewingFromThePageStoresTheOutcome() async throws {
        try await withTestWorld { client, world in
            let reviewed = try await post(client, world, .practitioner, coursePath(world) + "/review", [("afterSession", "10"), ("note", "Back to gardening")])
            #expect(reviewed.status == .seeOther)
            let reviews = try await OutcomeStore(world.store).reviews(courseID: world.courseID)
            #expect(reviews.last?.note == "Back to gardening" && reviews.last?.review.isFinal == true)
            let (_, course) = try await page(client, world, .practitioner, coursePath(world) + "?saved=review")
            #expect(course.contains("id=\"review-saved\"") && course.contains("Back to gardening"))
            let zero = try await post(client, world, .practitioner, coursePath(world) + "/review", [("afterSession", "0")])
            #expect(zero.status == .badRequest && zero.body.text.contains("After session: a review comes after at least one session"))
        }
    }

    @Test func anotherPatientsCourseUnderThisPatientIsNotFound() async throws {
        try await withTestWorld { client, world in
            let (status, _) = try await page(client, world, .practitioner, "/patients/\(world.ownPatientID)/courses/\(world.otherCourseID)")
            #expect(status == .notFound)
        }
    }

    @Test func bookingACourseWithATrialRegimenFromThePatientPage() async throws {
        try await withTestWorld { client, world in
            let found = try await post(client, world, .reception, "/patients/\(world.otherPatientID)/course", [("action", "search"), ("regimen", "brinkhaus2006")])
            #expect(found.status == .ok)
            #expect(found.body.text.contains("12 sessions: 2 a week for 4 weeks, then 1 a week for 4 weeks"))
            let booked = try await post(client, world, .reception, "/patients/\(world.otherPatientID)/course", [("action", "book"), ("regimen", "brinkhaus2006")])
            #expect(booked.status == .ok && booked.body.text.contains("Booked a course of 12 treatments"))
            let courses = try await OutcomeStore(world.store).courses(patientID: world.otherPatientID)
            #expect(courses.first?.regimen == .brinkhaus2006)
        }
    }

    /// The times of a course looked for and the plan proposed from the assessment are two sections
    /// of the record: showing the times leaves the plan's section drawn once, as it was.
    @Test func aCourseSearchLeavesThePlanProposalAsItWas() async throws {
        try await withTestWorld { client, world in
            let heading = "Proposed from the newest assessment"
            let (_, record) = try await page(client, world, .practitioner, "/patients/\(world.ownPatientID)")
            #expect(record.components(separatedBy: heading).count - 1 == 1)
            let found = try await post(client, world, .practitioner, "/patients/\(world.ownPatientID)/course", [("action", "search"), ("regimen", "gerac")])
            #expect(found.status == .ok)
            #expect(found.body.text.contains("id=\"course-proposal\""))
            #expect(found.body.text.components(separatedBy: heading).count - 1 == 1)
            let times = found.body.text.components(separatedBy: "id=\"course-proposal\"")[1].components(separatedBy: "</ol>")[0]
            #expect(times.components(separatedBy: "<li>").count - 1 == 10, "the GERAC course's ten times are listed")
        }
    }

    @Test func aCourseStartsFromTheDayGivenAndBooksOnlyTheTimesShown() async throws {
        try await withTestWorld { client, world in
            let zone = TimeZone(identifier: DemoClinic.timeZone)!
            let today = CalendarDay(Date(), in: zone)
            let uri = "/patients/\(world.otherPatientID)/course"
            let past = try await post(client, world, .reception, uri, [("action", "search"), ("regimen", "gerac"), ("from", today.adding(days: -1).description)])
            #expect(past.status == .unprocessableContent)
            #expect(past.body.text.contains("From: must be today or later"))

            // Without a day given, nothing is offered today: the first time is tomorrow or later.
            let found = try await post(client, world, .reception, uri, [("action", "search"), ("regimen", "gerac")])
            #expect(found.status == .ok)
            let shown = try #require(found.body.text.firstMatch(of: /name="shown" value="([0-9,]+)"/)?.1)
            let first = Date(timeIntervalSince1970: try #require(Double(shown.split(separator: ",")[0])))
            #expect(CalendarDay(first, in: zone) > today)

            let from = today.adding(days: 20)
            let later = try await post(client, world, .reception, uri, [("action", "search"), ("regimen", "gerac"), ("from", from.description)])
            let laterShown = try #require(later.body.text.firstMatch(of: /name="shown" value="([0-9,]+)"/)?.1)
            #expect(CalendarDay(Date(timeIntervalSince1970: Double(laterShown.split(separator: ",")[0])!), in: zone) >= from)

            // Times shown that are no longer the earliest free ones: nothing booked, the new ones shown.
            let coursesBefore = try await OutcomeStore(world.store).courses(patientID: world.otherPatientID).count
            let stale = "\(Int(first.timeIntervalSince1970) - 7 * 86_400)," + shown.split(separator: ",").dropFirst().joined(separator: ",")
            let refused = try await post(client, world, .reception, uri, [("action", "book"), ("regimen", "gerac"), ("shown", stale)])
            #expect(refused.status == .conflict)
            #expect(refused.body.text.contains("taken meanwhile: nothing was booked"))
            #expect(refused.body.text.contains("name=\"shown\" value=\"\(shown)\""))
            #expect(try await OutcomeStore(world.store).courses(patientID: world.otherPatientID).count == coursesBefore)

            let booked = try await post(client, world, .reception, uri, [("action", "book"), ("regimen", "gerac"), ("shown", String(shown))])
            #expect(booked.status == .ok)
            #expect(booked.body.text.contains("Booked a course of 10 treatments"))
            #expect(booked.body.text.contains(DisplayTime.clock(first, in: zone)))
        }
    }
}
