import AcubackCore
import AcubackStore
import AcubackTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AcubackServer
@testable import AcubackServices

/// Courses with regimens, measures, reviews, analytics and outcome settings through the JSON API.
@Suite struct APIServiceOutcomesTests {
    func fields(_ body: [String: Any]) -> [String] {
        (body["errors"] as? [[String: Any]])?.compactMap { $0["field"] as? String } ?? []
    }

    func book(_ client: some TestClientProtocol, _ world: TestWorld, patient: UUID, _ extra: String) async throws -> [String: Any] {
        let (status, course) = try await send(client, world, .reception, .post, "/api/v1/courses",
                                              #"{"patientId": "\#(patient)", "earliest": "2027-03-01T08:00:00Z"\#(extra)}"#)
        #expect(status == .created, "\(course)")
        return course
    }

    @Test func aCourseFollowsItsRegimenAndIsReviewedAgainstItsBaseline() async throws {
        try await withTestWorld { client, world in
            let course = try await book(client, world, patient: world.ownPatientID, #", "regimen": "cherkin2009""#)
            let regimen = try #require(course["regimen"] as? [String: Any])
            #expect(regimen["origin"] as? String == "cherkin2009" && regimen["weeks"] as? Int == 7)
            #expect(regimen["reviewAfter"] as? [Int] == [5, 10])
            #expect((course["appointments"] as? [Any])?.count == 10)
            #expect(course["planId"] is String, "the patient's current plan is kept on the course")
            #expect(course["protocol"] is String && course["region"] is String)
            let id = try #require(course["id"] as? String)

            let (baseline, saved) = try await send(client, world, .practitioner, .post, "/api/v1/courses/\(id)/measures",
                                                    #"{"timepoint": "baseline", "painNow": 7, "painAverageWeek": 6, "function": [{"activity": "bending", "score": 3}, {"activity": "sitting", "score": 4}]}"#)
            #expect(baseline == .created, "\(saved)")
            #expect(saved["functionScore"] as? Double == 3.5)

            let (early, refusal) = try await send(client, world, .practitioner, .post, "/api/v1/courses/\(id)/reviews", #"{"afterSession": 5}"#)
            #expect(early == .badRequest && fields(refusal) == ["measureId"], "nothing to compare yet: \(refusal)")

            let (later, _) = try await send(client, world, .practitioner, .post, "/api/v1/courses/\(id)/measures",
                                             #"{"timepoint": "review", "painNow": 5, "painAverageWeek": 3}"#)
            #expect(later == .created)
            let (reviewed, review) = try await send(client, world, .practitioner, .post, "/api/v1/courses/\(id)/reviews", #"{"afterSession": 5, "note": "sleeping better"}"#)
            #expect(reviewed == .created, "\(review)")
            #expect(review["category"] as? String == "responder" && review["recommendation"] as? String == "continue")
            #expect(review["scale"] as? String == "average-week" && review["changePoints"] as? Int == 3 && review["changePercent"] as? Double == 50)
            #expect(review["isFinal"] as? Bool == false)

            let (_, reviews) = try await send(client, world, .patient, .get, "/api/v1/courses/\(id)/reviews")
            #expect((reviews["items"] as? [Any])?.count == 1, "the patient reads the reviews of their own course")
            let (_, measures) = try await send(client, world, .patient, .get, "/api/v1/courses/\(id)/measures")
            #expect((measures["items"] as? [[String: Any]])?.map { $0["timepoint"] as? String } == ["baseline", "review"])
        }
    }

    @Test func badMeasuresNameTheFieldAndStoreNothing() async throws {
        try await withTestWorld { client, world in
            let id = world.courseID
            let before = try await OutcomeStore(world.store).measures(courseID: id).count
            let cases: [(String, [String])] = [
                (#"{"timepoint": "session", "painNow": 11}"#, ["painNow"]),
                (#"{"timepoint": "session", "painWorst": -1, "schoberCm": 40}"#, ["painWorst", "schoberCm"]),
                (#"{"timepoint": "session"}"#, ["measures"]),
                (#"{"timepoint": "session", "painNow": 3, "sessionId": "\#(UUID())"}"#, ["sessionId"]),
                (#"{"timepoint": "baseline", "painNow": 3}"#, ["timepoint"]),
                (#"{"timepoint": "session", "rolandMorris": 12}"#, ["rolandMorris"]),
                (#"{"timepoint": "session", "function": [{"activity": "", "score": 12}]}"#, ["function[0].activity", "function[0].score"]),
            ]
            for (json, expected) in cases {
                let (status, body) = try await send(client, world, .practitioner, .post, "/api/v1/courses/\(id)/measures", json)
                #expect(status == .badRequest, "\(json)")
                #expect(fields(body) == expected, "\(json): \(body)")
            }
            let (missing, _) = try await send(client, world, .practitioner, .post, "/api/v1/courses/\(UUID())/measures", #"{"timepoint": "session", "painNow": 3}"#)
            #expect(missing == .notFound)
            #expect(try await OutcomeStore(world.store).measures(courseID: id).count == before)
        }
    }

    @Test func aReviewBeforeAnyBaselineIsRefused() async throws {
        try await withTestWorld { client, world in
            let course = try await book(client, world, patient: world.otherPatientID, #", "regimen": "clinic", "sessions": 6, "perWeek": 1"#)
            let id = try #require(course["id"] as? String)
            #expect((course["regimen"] as? [String: Any])?["reviewAfter"] as? [Int] == [4, 6])
            let (status, body) = try await send(client, world, .admin, .post, "/api/v1/courses/\(id)/reviews", "{}")
            #expect(status == .badRequest && fields(body) == ["baseline"], "\(body)")
            #expect(try await OutcomeStore(world.store).reviews(courseID: UUID(uuidString: id)!).isEmpty)
        }
    }

    @Test func aTrialRegimenTakesNoSessionCounts() async throws {
        try await withTestWorld { client, world in
            let (status, body) = try await send(client, world, .reception, .post, "/api/v1/courses",
                                                #"{"patientId": "\#(world.ownPatientID)", "regimen": "gerac", "sessions": 12}"#)
            #expect(status == .badRequest && fields(body) == ["sessions"], "\(body)")
            let (unknown, refusal) = try await send(client, world, .reception, .post, "/api/v1/courses",
                                                    #"{"patientId": "\#(world.ownPatientID)", "regimen": "weekly"}"#)
            #expect(unknown == .badRequest, "\(refusal)")
        }
    }

    @Test func questionnairesOpenWhenTheAdminEnablesThem() async throws {
        try await withTestWorld { client, world in
            let (refused, _) = try await send(client, world, .practitioner, .put, "/api/v1/outcome-settings",
                                              #"{"importantPercent": 30, "importantPoints": 2, "instruments": ["roland-morris"]}"#)
            #expect(refused == .forbidden)
            let (bad, badBody) = try await send(client, world, .admin, .put, "/api/v1/outcome-settings",
                                                #"{"importantPercent": 95, "importantPoints": 2, "instruments": []}"#)
            #expect(bad == .badRequest && fields(badBody) == ["importantPercent"])
            let (saved, settings) = try await send(client, world, .admin, .put, "/api/v1/outcome-settings",
                                                   #"{"importantPercent": 30, "importantPoints": 2, "instruments": ["roland-morris"]}"#)
            #expect(saved == .ok && settings["instruments"] as? [String] == ["roland-morris"])
            let (recorded, measure) = try await send(client, world, .practitioner, .post, "/api/v1/courses/\(world.courseID)/measures",
                                                      #"{"timepoint": "follow-up", "rolandMorris": 12}"#)
            #expect(recorded == .created && measure["rolandMorris"] as? Int == 12)
            let (_, read) = try await send(client, world, .practitioner, .get, "/api/v1/outcome-settings")
            #expect(read["instruments"] as? [String] == ["roland-morris"])
        }
    }

    @Test func analyticsCountANewResponder() async throws {
        try await withTestWorld { client, world in
            let (status, before) = try await send(client, world, .practitioner, .get, "/api/v1/analytics")
            #expect(status == .ok)
            let overall = try #require(before["overall"] as? [String: Any])
            let courses = try #require(overall["courses"] as? Int)
            let responders = try #require(overall["responders"] as? Int)
            #expect(courses >= 6, "the demo's finished courses")
            let rates = try #require(before["rates"] as? [[String: Any]])
            #expect(rates.contains { $0["label"] as? String == "Tiredness" && $0["sourceId"] as? String == "MacPherson2005" })

            let course = try await book(client, world, patient: world.otherPatientID, "")
            let id = try #require(course["id"] as? String)
            _ = try await send(client, world, .practitioner, .post, "/api/v1/courses/\(id)/measures", #"{"timepoint": "baseline", "painAverageWeek": 8}"#)
            _ = try await send(client, world, .practitioner, .post, "/api/v1/courses/\(id)/measures", #"{"timepoint": "follow-up", "painAverageWeek": 4}"#)
            let (_, after) = try await send(client, world, .admin, .get, "/api/v1/analytics")
            let now = try #require(after["overall"] as? [String: Any])
            #expect(now["courses"] as? Int == courses + 1)
            #expect(now["responders"] as? Int == responders + 1)
        }
    }
}
