import AcubackCore
import AcubackStore
import AcubackTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AcubackServer
@testable import AcubackServices

/// Sessions through the JSON API, with the application's clock moved by hand.
@Suite struct APIServiceSessionsTests {
    /// A booked treatment with the signed-in practitioner for the signed-in patient, whose plan is saved through the API.
    func bookedTreatment(_ client: some TestClientProtocol, _ world: TestWorld) async throws -> UUID {
        let (saved, plan) = try await send(client, world, .practitioner, .post, "/api/v1/patients/\(world.ownPatientID)/plans", "{}")
        #expect(saved == .created, "\(plan)")
        let start = Date(timeIntervalSince1970: 1_896_170_400)  // 2030-02-01, clear of everything else
        let (booked, _) = try await BookingStore(world.store).book(
            [NewAppointment(clinicID: world.clinic.id, patientID: world.ownPatientID, practitionerID: world.practitionerID, roomID: nil,
                            kind: .treatment, start: start, minutes: 45)], reminder: { _, _ in nil })
        return booked[0].id
    }

    func insertion(_ needle: [String: Any], depth: Int = 10) -> String {
        let site = (needle["site"] as? Int).map { #", "site": \#($0)"# } ?? ""
        let depth = min(depth, needle["maxDepthMm"] as? Int ?? depth)
        return #"{"point": "\#(needle["point"]!)", "side": "\#(needle["side"]!)"\#(site), "depthMm": \#(depth), "needleType": "0.25 × 40 mm, stainless steel", "stimulation": "manual", "deQi": true}"#
    }

    @Test func aFullSessionRunsThroughTheAPI() async throws {
        let clock = TestClock()
        try await withTestWorld(clock: clock) { client, world in
            let appointment = try await bookedTreatment(client, world)
            // The appointment is on 2030-02-01, not today: the start needs a reason, and keeps it.
            let (refused, offDay) = try await send(client, world, .practitioner, .post, "/api/v1/sessions", #"{"appointmentId": "\#(appointment)", "painBefore": 6}"#)
            #expect(refused == .unprocessableContent)
            #expect((offDay["errors"] as? [[String: String]])?.first?["field"] == "offDayReason", "\(offDay)")
            #expect((offDay["detail"] as? String)?.contains("ahead, on 2030-02-01") == true, "\(offDay)")
            let (started, session) = try await send(
                client, world, .practitioner, .post, "/api/v1/sessions",
                #"{"appointmentId": "\#(appointment)", "painBefore": 6, "offDayReason": "Moved up at the patient's request"}"#)
            #expect(started == .created, "\(session)")
            #expect(session["offDayReason"] as? String == "Moved up at the patient's request")
            let id = try #require(session["id"] as? String)
            let needles = try #require(session["needles"] as? [[String: Any]])
            #expect(needles.count >= 16)
            var latest: [String: Any] = [:]
            for needle in needles {
                clock.advance(minutes: 0.25)
                let (status, body) = try await send(client, world, .practitioner, .post, "/api/v1/sessions/\(id)/needles", insertion(needle))
                #expect(status == .created, "\(body)")
                latest = body
            }
            let counts = try #require(latest["counts"] as? [String: Int])
            #expect(counts["in"] == needles.count)
            let timer = try #require(latest["timer"] as? [String: Any])
            #expect(timer["running"] as? Bool == true)
            let target = try #require(timer["targetMinutes"] as? Int)
            #expect(timer["remainingSeconds"] as? Int == target * 60)

            // A second device asking later sees the countdown from the same start.
            clock.advance(minutes: 5)
            let (_, reread) = try await send(client, world, .admin, .get, "/api/v1/sessions/\(id)")
            #expect((reread["timer"] as? [String: Any])?["remainingSeconds"] as? Int == (target - 5) * 60)
            #expect((reread["timer"] as? [String: Any])?["due"] as? Bool == false)

            let (closedEarly, problem) = try await send(client, world, .practitioner, .post, "/api/v1/sessions/\(id)/close", #"{"painAfter": 3}"#)
            #expect(closedEarly == .badRequest)
            #expect((problem["errors"] as? [[String: String]])?.first?["field"] == "needles")

            clock.advance(minutes: Double(target - 5))
            let (_, due) = try await send(client, world, .practitioner, .get, "/api/v1/sessions/\(id)")
            #expect((due["timer"] as? [String: Any])?["due"] as? Bool == true)

            let (tooMany, refusal) = try await send(client, world, .practitioner, .post, "/api/v1/sessions/\(id)/removals", #"{"all": true, "count": \#(needles.count + 1)}"#)
            #expect(tooMany == .unprocessableContent)
            #expect((refusal["errors"] as? [[String: String]])?.first?["field"] == "count")

            let (out, afterOut) = try await send(client, world, .practitioner, .post, "/api/v1/sessions/\(id)/removals", #"{"all": true, "count": \#(needles.count)}"#)
            #expect(out == .ok)
            #expect(afterOut["canClose"] as? Bool == true)
            let (vague, vagueProblem) = try await send(
                client, world, .practitioner, .post, "/api/v1/sessions/\(id)/close", #"{"painAfter": 3, "adjuncts": [{"kind": "cupping", "detail": " "}]}"#)
            #expect(vague == .badRequest, "\(vagueProblem)")
            #expect((vagueProblem["errors"] as? [[String: String]])?.first?["field"] == "adjuncts[0].detail")
            let closing = #"{"painAfter": 3, "reactions": ["drowsiness"], "adviceGiven": true, "adjuncts": "#
                + #"[{"kind": "cupping", "detail": "4 cups beside L3-L5, 5 minutes"}, {"kind": "exercises", "detail": "Pelvic tilts, 10 twice a day"}]}"#
            let (closed, final) = try await send(client, world, .practitioner, .post, "/api/v1/sessions/\(id)/close", closing)
            #expect(closed == .ok, "\(final)")
            #expect(final["status"] as? String == "closed")
            let adjuncts = (final["closing"] as? [String: Any])?["adjuncts"] as? [[String: String]]
            #expect(adjuncts?.map { $0["kind"] ?? "" } == ["cupping", "exercises"])

            let (stricta, report) = try await send(client, world, .practitioner, .get, "/api/v1/sessions/\(id)/stricta")
            #expect(stricta == .ok)
            #expect(report["insertions"] as? Int == needles.count)
            #expect(report["retentionMinutes"] as? Int == target)

            // The sign-in sessions of this test world last 12 hours, so the check-in comes the same evening.
            clock.advance(minutes: 8 * 60)
            let (checked, checkIn) = try await send(
                client, world, .patient, .post, "/api/v1/sessions/\(id)/check-ins", #"{"soreness": 3, "sorenessHoursAfter": 5, "tiredness": true}"#)
            #expect(checked == .created, "\(checkIn)")
            #expect(checkIn["serious"] as? Bool == false)
            let (again, _) = try await send(client, world, .reception, .post, "/api/v1/sessions/\(id)/check-ins", #"{"soreness": 1}"#)
            #expect(again == .conflict)
            let (_, list) = try await send(client, world, .reception, .get, "/api/v1/sessions/\(id)/check-ins")
            #expect((list["items"] as? [[String: Any]])?.first?["enteredByRole"] as? String == "patient")
        }
    }

    @Test func anEarlyRemovalNeedsAReasonToClose() async throws {
        let clock = TestClock()
        try await withTestWorld(clock: clock) { client, world in
            let id = world.sessionID
            let (_, session) = try await send(client, world, .practitioner, .get, "/api/v1/sessions/\(id)")
            let first = try #require((session["needles"] as? [[String: Any]])?.first)
            _ = try await send(client, world, .practitioner, .post, "/api/v1/sessions/\(id)/needles", insertion(first))
            _ = try await send(client, world, .practitioner, .post, "/api/v1/sessions/\(id)/timer")
            clock.advance(minutes: 4)
            _ = try await send(client, world, .practitioner, .post, "/api/v1/sessions/\(id)/removals", #"{"all": true, "count": 1}"#)
            let (refused, problem) = try await send(client, world, .practitioner, .post, "/api/v1/sessions/\(id)/close", #"{"painAfter": 4}"#)
            #expect(refused == .badRequest)
            #expect((problem["errors"] as? [[String: String]])?.first?["field"] == "removalReason")
            let (closed, _) = try await send(
                client, world, .practitioner, .post, "/api/v1/sessions/\(id)/close", #"{"painAfter": 4, "removalReason": "Patient felt faint; needles out early."}"#)
            #expect(closed == .ok)
        }
    }

    @Test func badNeedlesAreRefusedNamingTheFieldAndNothingIsStored() async throws {
        try await withTestWorld { client, world in
            let id = world.sessionID
            let cases: [(String, HTTPResponse.Status, String)] = [
                (#"{"point": "BL99", "side": "left", "depthMm": 10, "needleType": "0.25 × 40 mm", "stimulation": "manual", "deQi": true}"#, .badRequest, "point"),
                (#"{"depthMm": 10, "needleType": "0.25 × 40 mm", "stimulation": "manual", "deQi": true}"#, .badRequest, "point"),
                (#"{"point": "BL23", "depthMm": 10, "needleType": "0.25 × 40 mm", "stimulation": "manual", "deQi": true}"#, .badRequest, "side"),
                (#"{"point": "BL23", "side": "left", "depthMm": 90, "needleType": "0.25 × 40 mm", "stimulation": "manual", "deQi": true}"#, .unprocessableContent, "depthMm"),
                (#"{"location": "tender spot", "side": "left", "depthMm": 10, "needleType": "0.25 × 40 mm", "stimulation": "manual", "deQi": true}"#, .badRequest, "area"),
                (#"{"location": "beside T4", "area": "upperBack", "level": "T4", "side": "left", "depthMm": 40, "needleType": "0.25 × 40 mm", "stimulation": "manual", "deQi": true}"#, .unprocessableContent, "depthMm"),
                (#"{"point": "BL23", "side": "left", "depthMm": 10, "needleType": "0.25 × 40 mm", "stimulation": "manual", "deQi": true, "overrideReason": "just because"}"#, .unprocessableContent, "overrideReason"),
                (#"{"point": "BL23", "side": "left", "depthMm": 10, "needleType": " ", "stimulation": "manual", "deQi": true}"#, .unprocessableContent, "needleType"),
            ]
            for (body, status, field) in cases {
                let (answer, problem) = try await send(client, world, .practitioner, .post, "/api/v1/sessions/\(id)/needles", body)
                #expect(answer == status, "\(body): \(problem)")
                #expect((problem["errors"] as? [[String: String]])?.first?["field"] == field, "\(body): \(problem)")
            }
            let (notIn, problem) = try await send(client, world, .practitioner, .post, "/api/v1/sessions/\(id)/removals", #"{"point": "UB23", "side": "left"}"#)
            #expect(notIn == .unprocessableContent)
            #expect((problem["detail"] as? String)?.contains("BL23 left is not in") == true)
            let pairBody = #"{"first": {"point": "BL25", "side": "left"}, "second": {"point": "BL40", "side": "left"}, "frequencyHz": 2, "waveform": "continuous", "durationMinutes": 20}"#
            let (noPair, pairProblem) = try await send(client, world, .practitioner, .post, "/api/v1/sessions/\(id)/electrical-pairs", pairBody)
            #expect(noPair == .unprocessableContent, "\(pairProblem)")
            #expect((pairProblem["detail"] as? String)?.contains("electroacupuncture.not-allowed") == true, "\(pairProblem)")
            let (_, session) = try await send(client, world, .practitioner, .get, "/api/v1/sessions/\(id)")
            #expect((session["ledger"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func strongStimulationIsRefusedForAPatientOnAnticoagulantsAndGentleIsRecorded() async throws {
        try await withTestWorld { client, world in
            try await PatientStore(world.store).updateIntake(patientID: world.ownPatientID, risks: RiskFactors(anticoagulants: true, bmi: 24))
            let needle = #"{"point": "BL40", "side": "left", "depthMm": 10, "needleType": "0.25 × 40 mm", "stimulation": "STIM", "deQi": true}"#
            let path = "/api/v1/sessions/\(world.sessionID)/needles"
            let (refused, problem) = try await send(client, world, .practitioner, .post, path, needle.replacingOccurrences(of: "STIM", with: "strong"))
            #expect(refused == .unprocessableContent)
            #expect((problem["errors"] as? [[String: String]])?.first?["field"] == "stimulation", "\(problem)")
            #expect((problem["detail"] as? String)?.contains("bleeding.no-strong-stimulation") == true, "\(problem)")
            let (recorded, session) = try await send(client, world, .practitioner, .post, path, needle.replacingOccurrences(of: "STIM", with: "manual"))
            #expect(recorded == .created, "\(session)")
            #expect((session["ledger"] as? [[String: Any]])?.map { $0["stimulation"] as? String } == ["manual"])
        }
    }

    /// On a plan that uses electroacupuncture: a pair across the chest, across the body or on one
    /// needle is a 4xx naming the rule or field, and only the pair the rules allow is stored.
    @Test func electroacupuncturePairsAreCheckedAndOnlyAllowedOnesStored() async throws {
        try await withTestWorld { client, world in
            try await PatientStore(world.store).updateIntake(patientID: world.ownPatientID, risks: RiskFactors(bmi: 24))
            let id = try await TestWorld.startSession(
                world.store, clinicID: world.clinic.id, practitionerID: world.practitionerID, patientID: world.ownPatientID, day: 9,
                electroacupuncture: true)
            for (point, side) in [("BL13", "left"), ("BL23", "left"), ("BL25", "left"), ("BL25", "right")] {
                let body = #"{"point": "\#(point)", "side": "\#(side)", "depthMm": 5, "needleType": "0.25 × 40 mm", "stimulation": "manual", "deQi": true}"#
                let (status, problem) = try await send(client, world, .practitioner, .post, "/api/v1/sessions/\(id)/needles", body)
                #expect(status == .created, "\(point) \(side): \(problem)")
            }
            func pair(_ first: String, _ second: String) -> String {
                let ends = [first, second].map { end in
                    let parts = end.split(separator: " ")
                    return #"{"point": "\#(parts[0])", "side": "\#(parts[1])"}"#
                }
                return #"{"first": \#(ends[0]), "second": \#(ends[1]), "frequencyHz": 2, "waveform": "denseDisperse", "durationMinutes": 20}"#
            }
            let refused: [(String, String, String)] = [
                ("BL13 left", "BL23 left", "electroacupuncture.across-the-chest"),
                ("BL23 left", "BL25 right", "electroacupuncture.one-side"),
                ("BL25 left", "BL25 left", "second"),
            ]
            for (first, second, named) in refused {
                let (status, problem) = try await send(client, world, .practitioner, .post, "/api/v1/sessions/\(id)/electrical-pairs", pair(first, second))
                #expect(status == .unprocessableContent || status == .badRequest, "\(first)–\(second): \(problem)")
                let errors = problem["errors"] as? [[String: String]] ?? []
                #expect(errors.contains { $0["field"] == named || $0["rule"]?.contains(named) == true }, "\(first)–\(second): \(problem)")
            }
            let (allowed, session) = try await send(client, world, .practitioner, .post, "/api/v1/sessions/\(id)/electrical-pairs", pair("BL23 left", "BL25 left"))
            #expect(allowed == .created || allowed == .ok, "\(session)")
            let stimulated = (session["ledger"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String != "inserted" }
            #expect(stimulated.count == 1, "only the allowed pair is on the ledger: \(stimulated)")
        }
    }

    @Test func theLastTapIsTakenBackAndOnlyThat() async throws {
        try await withTestWorld { client, world in
            let path = "/api/v1/sessions/\(world.sessionID)"
            let needle = #"{"point": "BL40", "side": "left", "depthMm": 10, "needleType": "0.25 × 40 mm", "stimulation": "manual", "deQi": true}"#
            _ = try await send(client, world, .practitioner, .post, path + "/needles", needle)
            let (undone, session) = try await send(client, world, .practitioner, .post, path + "/undo")
            #expect(undone == .ok, "\(session)")
            #expect((session["counts"] as? [String: Int])?["in"] == 0 && (session["counts"] as? [String: Int])?["inserted"] == 0)
            #expect((session["ledger"] as? [[String: Any]])?.compactMap { $0["kind"] as? String } == ["inserted", "undone"])
            let (again, problem) = try await send(client, world, .practitioner, .post, path + "/undo")
            #expect(again == .unprocessableContent)
            #expect((problem["errors"] as? [[String: String]])?.first?["field"] == "undo", "\(problem)")
        }
    }

    @Test func aColleaguesSessionIsRefusedAndUnchanged() async throws {
        try await withTestWorld { client, world in
            let id = world.colleagueSessionID
            let (status, _) = try await send(client, world, .practitioner, .post, "/api/v1/sessions/\(id)/timer")
            #expect(status == .forbidden)
            let (_, session) = try await send(client, world, .admin, .get, "/api/v1/sessions/\(id)")
            #expect((session["timer"] as? [String: Any])?["running"] as? Bool == false)
        }
    }

    @Test func aLostNeedleBecomesAnIncidentTheAdminSees() async throws {
        try await withTestWorld { client, world in
            let id = world.sessionID
            let (_, session) = try await send(client, world, .practitioner, .get, "/api/v1/sessions/\(id)")
            for needle in try #require(session["needles"] as? [[String: Any]]).prefix(3) {
                _ = try await send(client, world, .practitioner, .post, "/api/v1/sessions/\(id)/needles", insertion(needle))
            }
            let (_, short) = try await send(client, world, .practitioner, .post, "/api/v1/sessions/\(id)/removals", #"{"all": true, "count": 1}"#)
            #expect(short["searchOpen"] as? Bool == true)
            _ = try await send(client, world, .practitioner, .post, "/api/v1/sessions/\(id)/search", #"{"found": 1}"#)
            let (noNote, _) = try await send(client, world, .practitioner, .post, "/api/v1/sessions/\(id)/search", #"{"lost": true}"#)
            #expect(noNote == .badRequest)
            let (lost, afterSearch) = try await send(
                client, world, .practitioner, .post, "/api/v1/sessions/\(id)/search", #"{"lost": true, "note": "Couch, floor and gown searched."}"#)
            #expect(lost == .ok)
            #expect((afterSearch["counts"] as? [String: Int])?["lost"] == 1)
            let (_, incidents) = try await send(client, world, .admin, .get, "/api/v1/incidents")
            let incident = try #require((incidents["items"] as? [[String: Any]])?.first)
            #expect(incident["kind"] as? String == "needle-lost")
            #expect(incident["sessionId"] as? String == id.uuidString)
        }
    }

    /// On its appointment's day a session starts without a reason. The test clock stands still, so
    /// an appointment booked at its time is on its day, whatever the hour the test runs.
    @Test func onTheAppointmentsDayNoReasonIsAsked() async throws {
        let clock = TestClock()
        try await withTestWorld(clock: clock) { client, world in
            let (saved, plan) = try await send(client, world, .practitioner, .post, "/api/v1/patients/\(world.ownPatientID)/plans", "{}")
            #expect(saved == .created, "\(plan)")
            let (booked, _) = try await BookingStore(world.store).book(
                [NewAppointment(clinicID: world.clinic.id, patientID: world.ownPatientID, practitionerID: world.practitionerID, roomID: nil,
                                kind: .treatment, start: clock.now, minutes: 45)], reminder: { _, _ in nil })
            let (started, session) = try await send(
                client, world, .practitioner, .post, "/api/v1/sessions", #"{"appointmentId": "\#(booked[0].id)", "painBefore": 6}"#)
            #expect(started == .created, "\(session)")
            #expect(session["offDayReason"] == nil)
        }
    }

    @Test func aSessionStartsOnlyFromABookedTreatmentWithAPlan() async throws {
        try await withTestWorld { client, world in
            let (again, conflict) = try await send(
                client, world, .practitioner, .post, "/api/v1/sessions",
                #"{"appointmentId": "\#(try #require(try await TreatmentSessionStore(world.store).session(id: world.sessionID)).appointmentID)", "painBefore": 5}"#)
            #expect(again == .conflict, "\(conflict)")
            let (booked, _) = try await BookingStore(world.store).book(
                [NewAppointment(clinicID: world.clinic.id, patientID: world.ownPatientID, practitionerID: world.practitionerID, roomID: nil,
                                kind: .consultation, start: Date(timeIntervalSince1970: 1_896_343_200), minutes: 60)], reminder: { _, _ in nil })
            let (wrongKind, problem) = try await send(
                client, world, .practitioner, .post, "/api/v1/sessions", #"{"appointmentId": "\#(booked[0].id)", "painBefore": 5}"#)
            #expect(wrongKind == .unprocessableContent)
            #expect((problem["errors"] as? [[String: String]])?.first?["field"] == "appointmentId")
            let (badPain, _) = try await send(
                client, world, .practitioner, .post, "/api/v1/sessions", #"{"appointmentId": "\#(booked[0].id)", "painBefore": 11}"#)
            #expect(badPain == .badRequest)
        }
    }
}
