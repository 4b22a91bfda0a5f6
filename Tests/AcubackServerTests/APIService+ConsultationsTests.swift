import AcubackCore
import AcubackStore
import AcubackTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AcubackServer
@testable import AcubackServices

/// The first consultation through the JSON API, for a patient registered at the desk: the
/// assessment, its red flags and the decision on them, consent, the plan and the session's note.
@Suite struct APIServiceConsultationsTests {
    func newPatient(_ client: some TestClientProtocol, _ world: TestWorld) async throws -> String {
        let (status, body) = try await send(client, world, .reception, .post, "/api/v1/patients",
                                            #"{"givenName": "Nora", "familyName": "Quinn", "birthDate": "1968-04-02"}"#)
        #expect(status == .created)
        return try #require(body["id"] as? String)
    }

    static let assessment = #"""
        {"complaint": "My lower back has ached since I moved house.", "regions": ["lower"], "side": "both", "levels": ["L4", "L5"],
         "onset": "chronic", "durationWeeks": 20, "redFlags": ["nightPain"],
         "examination": {"rangeOfMovement": "Flexion to the knees", "straightLegRaiseLeft": 80, "tenderPoints": "Beside L4", "neurologicalSigns": "None"},
         "riskFactors": {"bmi": 17.5, "anticoagulants": true}}
        """#

    func errors(_ body: [String: Any]) -> [String] {
        (body["errors"] as? [[String: String]] ?? []).compactMap { $0["field"] }
    }

    @Test func aRedFlagStopsThePlanUntilAClinicianClearsIt() async throws {
        let clock = TestClock()
        try await withTestWorld(clock: clock) { client, world in
            let patient = try await newPatient(client, world)
            let (recorded, assessment) = try await send(client, world, .practitioner, .post, "/api/v1/patients/\(patient)/assessments", Self.assessment)
            #expect(recorded == .created, "\(assessment)")
            #expect(assessment["redFlags"] as? [String] == ["nightPain"])
            #expect((assessment["riskFactors"] as? [String: Any])?["bmi"] as? Double == 17.5)

            // The assessment's risk factors become the intake.
            let (_, clinical) = try await send(client, world, .practitioner, .get, "/api/v1/patients/\(patient)/clinical")
            #expect((clinical["riskFactors"] as? [String: Any])?["anticoagulants"] as? Bool == true)

            let (stopped, refusal) = try await send(client, world, .practitioner, .post, "/api/v1/patients/\(patient)/plans", #"{"acknowledged": []}"#)
            #expect(stopped == .unprocessableContent)
            #expect(errors(refusal) == ["redFlags"])
            let (_, flags) = try await send(client, world, .practitioner, .get, "/api/v1/patients/\(patient)/red-flags")
            #expect(flags["treatmentStopped"] as? Bool == true)
            #expect(flags["urgentReferral"] as? Bool == false)

            let (referred, _) = try await send(client, world, .practitioner, .post, "/api/v1/patients/\(patient)/red-flag-decisions",
                                               #"{"outcome": "referred", "reason": "Night pain for a month", "referredTo": "GP"}"#)
            #expect(referred == .created)
            let (stillStopped, _) = try await send(client, world, .practitioner, .post, "/api/v1/patients/\(patient)/plans", "{}")
            #expect(stillStopped == .unprocessableContent)
            clock.advance(minutes: 10)

            let (cleared, decision) = try await send(client, world, .practitioner, .post, "/api/v1/patients/\(patient)/red-flag-decisions",
                                                     #"{"outcome": "cleared", "reason": "GP found no serious cause"}"#)
            #expect(cleared == .created)
            #expect(decision["decidedBy"] as? String == world.sessions[.practitioner]!.actor.displayName)
            let proposal = try await send(client, world, .practitioner, .post, "/api/v1/plans/preview",
                                          #"{"regions": ["lower"], "side": "both", "levels": ["L4", "L5"], "onset": "chronic", "patient": {"bmi": 17.5, "anticoagulants": true}}"#)
            let pending = (proposal.1["pendingAcknowledgements"] as? [String]) ?? []
            let acknowledged = pending.map { "\"\($0)\"" }.joined(separator: ",")
            let (unknown, badEdit) = try await send(client, world, .practitioner, .post, "/api/v1/patients/\(patient)/plans",
                                                    #"{"edits": [{"action": "add", "point": "XX99", "side": "left"}], "acknowledged": [\#(acknowledged)]}"#)
            #expect(unknown == .badRequest)
            #expect(errors(badEdit) == ["edits[0].point"])
            let (none, _) = try await send(client, world, .practitioner, .get, "/api/v1/patients/\(patient)/plans/current")
            #expect(none == .notFound)
            let (saved, plan) = try await send(client, world, .practitioner, .post, "/api/v1/patients/\(patient)/plans", #"{"acknowledged": [\#(acknowledged)]}"#)
            #expect(saved == .created, "\(plan)")
        }
    }

    @Test func anAssessmentIsNeverOverwritten() async throws {
        let clock = TestClock()
        try await withTestWorld(clock: clock) { client, world in
            let patient = try await newPatient(client, world)
            _ = try await send(client, world, .practitioner, .post, "/api/v1/patients/\(patient)/assessments", Self.assessment)
            clock.advance(minutes: 1)
            let changed = Self.assessment.replacingOccurrences(of: #""bmi": 17.5"#, with: #""bmi": 24"#)
            _ = try await send(client, world, .practitioner, .post, "/api/v1/patients/\(patient)/assessments", changed)
            let (_, list) = try await send(client, world, .admin, .get, "/api/v1/patients/\(patient)/assessments")
            let items = try #require(list["items"] as? [[String: Any]])
            #expect(items.count == 2)
            #expect((items[0]["riskFactors"] as? [String: Any])?["bmi"] as? Double == 24)
            #expect((items[1]["riskFactors"] as? [String: Any])?["bmi"] as? Double == 17.5)
        }
    }

    @Test(arguments: [
        (#"{"complaint": "x", "regions": ["lumbar"], "side": "both", "onset": "chronic"}"#, "regions[0]"),
        (#"{"complaint": "x", "regions": ["upper"], "side": "both", "levels": ["L4"], "onset": "chronic"}"#, "levels[0]"),
        (#"{"complaint": "", "regions": ["lower"], "side": "both", "onset": "chronic"}"#, "complaint"),
        (#"{"complaint": "x", "regions": ["lower"], "side": "both", "onset": "chronic", "durationWeeks": 2}"#, "durationWeeks"),
        (#"{"complaint": "x", "regions": ["lower"], "side": "both", "onset": "chronic", "redFlags": ["fever", "fever"]}"#, "redFlags"),
        (#"{"complaint": "x", "regions": ["lower"], "side": "both", "onset": "chronic", "examination": {"straightLegRaiseLeft": 120}}"#, "examination.straightLegRaiseLeft"),
    ])
    func badAssessmentsNameTheFieldAndStoreNothing(body: String, field: String) async throws {
        try await withTestWorld { client, world in
            let patient = try await newPatient(client, world)
            let (status, problem) = try await send(client, world, .practitioner, .post, "/api/v1/patients/\(patient)/assessments", body)
            #expect(status == .badRequest, "\(problem)")
            #expect(errors(problem).contains(field), "\(problem)")
            let (_, list) = try await send(client, world, .practitioner, .get, "/api/v1/patients/\(patient)/assessments")
            #expect((list["items"] as? [Any])?.isEmpty == true)
            let (_, flags) = try await send(client, world, .practitioner, .get, "/api/v1/patients/\(patient)/red-flags")
            #expect((flags["screens"] as? [Any])?.isEmpty == true)
        }
    }

    @Test(arguments: [
        (#"{"outcome": "cleared", "reason": ""}"#, "reason"),
        (#"{"outcome": "referred", "reason": "Weight loss"}"#, "referredTo"),
    ])
    func aDecisionNeedsItsReasonAndReferral(body: String, field: String) async throws {
        try await withTestWorld { client, world in
            let patient = try await newPatient(client, world)
            _ = try await send(client, world, .practitioner, .post, "/api/v1/patients/\(patient)/assessments", Self.assessment)
            let (status, problem) = try await send(client, world, .practitioner, .post, "/api/v1/patients/\(patient)/red-flag-decisions", body)
            #expect(status == .badRequest)
            #expect(errors(problem) == [field])
            let (_, flags) = try await send(client, world, .practitioner, .get, "/api/v1/patients/\(patient)/red-flags")
            #expect((flags["decisions"] as? [Any])?.isEmpty == true)
            #expect(flags["treatmentStopped"] as? Bool == true)
        }
    }

    @Test func consentIsSignedByNameAndEachWayIsChecked() async throws {
        try await withTestWorld { client, world in
            let patient = world.ownPatientID
            let (_, text) = try await send(client, world, .patient, .get, "/api/v1/consent-text")
            #expect((text["text"] as? String)?.contains("pneumothorax") == true)
            let (empty, problem) = try await send(client, world, .patient, .post, "/api/v1/patients/\(patient)/consents", #"{"method": "online", "signedName": "  "}"#)
            #expect(empty == .badRequest)
            #expect(errors(problem) == ["signedName"])
            let (stranger, wrongName) = try await send(client, world, .patient, .post, "/api/v1/patients/\(patient)/consents", #"{"method": "online", "signedName": "Mickey Mouse"}"#)
            #expect(stranger == .badRequest)
            #expect(errors(wrongName) == ["signedName"])
            let (verbalByReception, _) = try await send(client, world, .reception, .post, "/api/v1/patients/\(patient)/consents", #"{"method": "verbal", "reason": "Cannot hold a pen"}"#)
            #expect(verbalByReception == .badRequest)
            let (verbalNoReason, noReason) = try await send(client, world, .practitioner, .post, "/api/v1/patients/\(patient)/consents", #"{"method": "verbal"}"#)
            #expect(verbalNoReason == .badRequest)
            #expect(errors(noReason) == ["reason"])
            let (signed, consent) = try await send(client, world, .patient, .post, "/api/v1/patients/\(patient)/consents", #"{"method": "online", "signedName": "Margaret Hughes"}"#)
            #expect(signed == .created)
            #expect(consent["signedName"] as? String == "Margaret Hughes")
            #expect(consent["version"] as? String == text["version"] as? String)
        }
    }

    @Test func aSessionNeedsConsentToTheCurrentText() async throws {
        try await withTestWorld { client, world in
            // The admin publishes a new text: the demo patient's consent is to the earlier version.
            let consent = ConsentService(services: AppServices(database: world.store, publicAddress: PublicAddress(configured: "http://test", fallback: "")))
            let published = try await consent.publish(text: "A new consent text.", by: world.sessions[.admin]!.actor, from: nil)
            #expect(published.version != ConsentText.defaultVersion)
            let (_, plan) = try await send(client, world, .practitioner, .post, "/api/v1/patients/\(world.ownPatientID)/plans", "{}")
            let start = Date(timeIntervalSince1970: 1_896_170_400)
            let (booked, _) = try await BookingStore(world.store).book(
                [NewAppointment(clinicID: world.clinic.id, patientID: world.ownPatientID, practitionerID: world.practitionerID, roomID: nil,
                                kind: .treatment, start: start, minutes: 45)], reminder: { _, _ in nil })
            #expect(plan["id"] != nil, "\(plan)")
            // The appointment is years ahead: the start gives its reason, and consent is still refused first.
            let body = #"{"appointmentId": "\#(booked[0].id)", "painBefore": 5, "offDayReason": "Test of consent"}"#
            let (refused, problem) = try await send(client, world, .practitioner, .post, "/api/v1/sessions", body)
            #expect(refused == .unprocessableContent)
            #expect(errors(problem) == ["consent"])
            _ = try await send(client, world, .reception, .post, "/api/v1/patients/\(world.ownPatientID)/consents", #"{"method": "desk", "signedName": "Margaret Hughes"}"#)
            let (started, session) = try await send(client, world, .practitioner, .post, "/api/v1/sessions", body)
            #expect(started == .created, "\(session)")
        }
    }

    @Test func aClosedSessionsNoteIsAmendedNotEdited() async throws {
        try await withTestWorld { client, world in
            let (empty, problem) = try await send(client, world, .practitioner, .put, "/api/v1/sessions/\(world.sessionID)/note", "{}")
            #expect(empty == .badRequest)
            #expect(errors(problem) == ["subjective"])
            let (written, note) = try await send(client, world, .practitioner, .put, "/api/v1/sessions/\(world.sessionID)/note",
                                                 #"{"subjective": "Pain 6/10", "plan": "Next week", "tongue": "Pale"}"#)
            #expect(written == .ok)
            #expect(note["amendment"] as? Bool == false)
            let (colleague, _) = try await send(client, world, .practitioner, .put, "/api/v1/sessions/\(world.colleagueSessionID)/note", #"{"plan": "x"}"#)
            #expect(colleague == .forbidden)

            _ = try await TreatmentSessionStore(world.store).close(
                sessionID: world.sessionID, closing: SessionClosing(painAfter: 3, reactions: [], adviceGiven: true, removalReason: "Ended early for the test"),
                at: Date(), by: world.sessions[.practitioner]!.actor.userID)
            let (_, amended) = try await send(client, world, .practitioner, .put, "/api/v1/sessions/\(world.sessionID)/note",
                                              #"{"subjective": "Pain 6/10, worse sitting", "plan": "Next week"}"#)
            #expect(amended["amendment"] as? Bool == true)
            let (_, versions) = try await send(client, world, .admin, .get, "/api/v1/sessions/\(world.sessionID)/note")
            let items = try #require(versions["items"] as? [[String: Any]])
            #expect(items.map { $0["subjective"] as? String } == ["Pain 6/10, worse sitting", "Pain 6/10"])
        }
    }
}
