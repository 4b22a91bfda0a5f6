import AcubackCore
import AcubackStore
import AcubackTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AcubackServer
@testable import AcubackServices

/// One door per use case: the page and the API operation that do the same thing reach the same
/// use case in AcubackServices, which checks access, validates, changes and audits once. Each door
/// below is driven through both adapters; both must leave exactly one audit event, and the same one.
/// (The command-line doors are driven from outside, in tests/cli/test_one_door.py.)
@Suite struct UseCaseDoorTests {
    /// A request through one adapter, as the role that may make it.
    struct Call: Sendable {
        enum Body: Sendable {
            case none
            case form([(String, String)])
            case json(String)
        }

        let role: Role
        let method: HTTPRequest.Method
        let uri: @Sendable (TestWorld, [UUID]) -> String
        var body: @Sendable (TestWorld) -> Body = { _ in .none }
    }

    /// A use case, the audit event one call of it records, and its page and API doors.
    struct Door: Sendable, CustomTestStringConvertible {
        let useCase: String
        let audit: AuditAction
        let page: Call
        let api: Call
        /// Records the two calls act on, made or found before they are sent.
        var prepare: @Sendable (TestWorld) async throws -> [UUID] = { _ in [] }

        var testDescription: String { useCase }
    }

    static let doors: [Door] = [
        Door(
            useCase: "PatientService.list", audit: .patientList,
            page: Call(role: .reception, method: .get, uri: { _, _ in "/patients?q=a" }),
            api: Call(role: .reception, method: .get, uri: { _, _ in "/api/v1/patients?q=a" })),
        Door(
            useCase: "PatientService.read", audit: .patientRead,
            page: Call(role: .reception, method: .get, uri: { world, _ in "/patients/\(world.otherPatientID)" }),
            api: Call(role: .reception, method: .get, uri: { world, _ in "/api/v1/patients/\(world.otherPatientID)" })),
        Door(
            useCase: "PatientService.create", audit: .patientCreate,
            page: Call(role: .reception, method: .post, uri: { _, _ in "/patients" }, body: { _ in
                .form([("givenName", "Page"), ("familyName", "Door"), ("birthDate", "1980-04-01"), ("email", ""), ("phone", "")])
            }),
            api: Call(role: .reception, method: .post, uri: { _, _ in "/api/v1/patients" }, body: { _ in
                .json(#"{"givenName": "Api", "familyName": "Door", "birthDate": "1981-05-02"}"#)
            })),
        Door(
            useCase: "PatientService.updateIntake", audit: .patientUpdateIntake,
            page: Call(role: .practitioner, method: .post, uri: { world, _ in "/patients/\(world.otherPatientID)/intake" }, body: { _ in
                .form([("bmi", "24")])
            }),
            api: Call(role: .practitioner, method: .put, uri: { world, _ in "/api/v1/patients/\(world.otherPatientID)/intake" }, body: { _ in
                .json(#"{"bmi": 25}"#)
            })),
        Door(
            useCase: "BookingService.visits", audit: .appointmentList,
            page: Call(role: .patient, method: .get, uri: { _, _ in "/me/visits" }),
            api: Call(role: .patient, method: .get, uri: { _, _ in
                "/api/v1/appointments?from=\(Self.iso(Date()))&to=\(Self.iso(Date().addingTimeInterval(30 * 86_400)))"
            })),
        Door(
            useCase: "BookingService.cancel", audit: .appointmentCancel,
            page: Call(role: .reception, method: .post, uri: { _, visits in "/reception/appointments/\(visits[0])/cancel" }, body: { _ in .form([]) }),
            api: Call(role: .reception, method: .post, uri: { _, visits in "/api/v1/appointments/\(visits[1])/cancel" }),
            prepare: { try await book(2, in: $0) }),
        Door(
            useCase: "PractitionerService.addCertificate", audit: .certificateAdd,
            page: Call(role: .admin, method: .post, uri: { _, ids in "/admin/practitioners/\(ids[0])/certificates" }, body: { _ in
                .form([("issuingBody", "British Acupuncture Council"), ("number", "DOOR-PAGE-1"), ("validFrom", "2026-01-01"), ("validTo", "2030-01-01")])
            }),
            api: Call(role: .admin, method: .post, uri: { _, ids in "/api/v1/practitioners/\(ids[0])/certificates" }, body: { _ in
                .json(#"{"issuingBody": "British Acupuncture Council", "number": "DOOR-API-1", "validFrom": "2026-01-01", "validTo": "2030-01-01"}"#)
            }),
            prepare: { [try await hannah(in: $0)] }),
        Door(
            useCase: "TreatmentSessionService.session (read)", audit: .sessionRead,
            page: Call(role: .practitioner, method: .get, uri: { world, _ in "/sessions/\(world.sessionID)" }),
            api: Call(role: .practitioner, method: .get, uri: { world, _ in "/api/v1/sessions/\(world.sessionID)" })),
        Door(
            useCase: "TreatmentSessionService.startTimer", audit: .sessionTimerStart,
            page: Call(role: .practitioner, method: .post, uri: { world, _ in "/sessions/\(world.sessionID)/timer" }, body: { _ in .form([]) }),
            api: Call(role: .practitioner, method: .post, uri: { world, _ in "/api/v1/sessions/\(world.sessionID)/timer" })),
        Door(
            useCase: "TreatmentSessionService.insert", audit: .sessionNeedleIn,
            page: Call(role: .practitioner, method: .post, uri: { world, _ in "/sessions/\(world.sessionID)/needles" }, body: { _ in
                .form([("point", "BL40"), ("side", "left"), ("depthMm", "10"), ("needleType", "0.25 × 40 mm"), ("stimulation", "manual")])
            }),
            api: Call(role: .practitioner, method: .post, uri: { world, _ in "/api/v1/sessions/\(world.sessionID)/needles" }, body: { _ in
                .json(#"{"point": "BL40", "side": "right", "depthMm": 10, "needleType": "0.25 × 40 mm", "stimulation": "manual", "deQi": true}"#)
            })),
        Door(
            useCase: "SessionNoteService.write", audit: .sessionNote,
            page: Call(role: .practitioner, method: .post, uri: { world, _ in "/sessions/\(world.sessionID)/note" }, body: { _ in
                .form([("subjective", "Pain 6/10"), ("plan", "Next week")])
            }),
            api: Call(role: .practitioner, method: .put, uri: { world, _ in "/api/v1/sessions/\(world.sessionID)/note" }, body: { _ in
                .json(#"{"subjective": "Pain 5/10", "plan": "Next week"}"#)
            })),
        Door(
            useCase: "BookingService.reschedule", audit: .appointmentReschedule,
            page: Call(role: .reception, method: .post, uri: { _, visits in "/reception/appointments/\(visits[0])/move" }, body: { _ in
                .form([("start", LocalTime.input(APIServiceAppointmentsTests.weekday(11, daysAhead: 20), in: TimeZone(identifier: DemoClinic.timeZone)!))])
            }),
            api: Call(role: .reception, method: .post, uri: { _, visits in "/api/v1/appointments/\(visits[1])/reschedule" }, body: { _ in
                .json(#"{"start": "\#(Self.iso(APIServiceAppointmentsTests.weekday(12, daysAhead: 20)))"}"#)
            }),
            // Moved with the signed-in practitioner, whose certificate is verified: the move is checked as a booking is.
            prepare: { try await book(2, in: $0, with: $0.practitionerID) }),
        Door(
            useCase: "TreatmentSessionService.savePlan", audit: .planSave,
            page: Call(role: .practitioner, method: .post, uri: { world, _ in "/patients/\(world.ownPatientID)/plan" }, body: { _ in .form([]) }),
            api: Call(role: .practitioner, method: .post, uri: { world, _ in "/api/v1/patients/\(world.ownPatientID)/plans" }, body: { _ in .json("{}") })),
        Door(
            useCase: "OutcomeService.recordMeasure", audit: .measureRecord,
            page: Call(role: .practitioner, method: .post, uri: { world, _ in "/patients/\(world.ownPatientID)/courses/\(world.courseID)/measures" }, body: { _ in
                .form([("timepoint", "follow-up"), ("painAverageWeek", "2")])
            }),
            api: Call(role: .practitioner, method: .post, uri: { world, _ in "/api/v1/courses/\(world.courseID)/measures" }, body: { _ in
                .json(#"{"timepoint": "follow-up", "painAverageWeek": 3}"#)
            })),
        Door(
            useCase: "OutcomeService.review", audit: .courseReview,
            page: Call(role: .practitioner, method: .post, uri: { world, _ in "/patients/\(world.ownPatientID)/courses/\(world.courseID)/review" }, body: { _ in
                .form([("afterSession", "4"), ("note", "Page")])
            }),
            api: Call(role: .practitioner, method: .post, uri: { world, _ in "/api/v1/courses/\(world.courseID)/reviews" }, body: { _ in
                .json(#"{"afterSession": 5, "note": "API"}"#)
            })),
        Door(
            useCase: "OutcomeService.saveSettings", audit: .outcomeSettingsSave,
            page: Call(role: .admin, method: .post, uri: { _, _ in "/clinic/analytics/settings" }, body: { _ in
                .form([("importantPercent", "50"), ("importantPoints", "3"), ("instruments", "oswestry")])
            }),
            api: Call(role: .admin, method: .put, uri: { _, _ in "/api/v1/outcome-settings" }, body: { _ in
                .json(#"{"importantPercent": 30, "importantPoints": 2, "instruments": ["roland-morris"]}"#)
            })),
        Door(
            useCase: "MessagingService.save", audit: .clinicMessaging,
            page: Call(role: .admin, method: .post, uri: { _, _ in "/admin/messaging" }, body: { _ in
                .form([("confirmByEmail", "on"), ("remindByText", "on"), ("reminderHours", "48")])
            }),
            api: Call(role: .admin, method: .put, uri: { _, _ in "/api/v1/messaging-settings" }, body: { _ in
                .json(#"{"confirmByEmail": true, "confirmByText": false, "remindByEmail": true, "remindByText": true, "reminderHours": 24}"#)
            })),
        Door(
            useCase: "MessagingService.setTextsWanted", audit: .patientTextReminders,
            page: Call(role: .patient, method: .post, uri: { world, _ in "/patients/\(world.ownPatientID)/texts" }, body: { _ in
                .form([("textReminders", "on"), ("phone", "07700 900111")])
            }),
            api: Call(role: .patient, method: .put, uri: { world, _ in "/api/v1/patients/\(world.ownPatientID)/text-messages" }, body: { _ in
                .json(#"{"wanted": false}"#)
            })),
        Door(
            useCase: "OutcomeService.analytics", audit: .analyticsRead,
            page: Call(role: .admin, method: .get, uri: { _, _ in "/clinic/analytics" }),
            api: Call(role: .admin, method: .get, uri: { _, _ in "/api/v1/analytics" })),
        Door(
            useCase: "TreatmentSessionService.setContact", audit: .sessionContact,
            page: Call(role: .practitioner, method: .post, uri: { world, _ in "/sessions/\(world.sessionID)/contact" }, body: { _ in .form([("running", "true")]) }),
            api: Call(role: .practitioner, method: .post, uri: { world, _ in "/api/v1/sessions/\(world.sessionID)/contact" }, body: { _ in
                .json(#"{"running": false}"#)
            })),
        Door(
            useCase: "BillingService.saveSettings", audit: .billingSettings,
            page: Call(role: .admin, method: .post, uri: { _, _ in "/admin/billing" }, body: { _ in
                .form([("mode", "procedureCodes"), ("currency", "USD"), ("fee-97810", "75.00"), ("placeOfService", "11")])
            }),
            api: Call(role: .admin, method: .put, uri: { _, _ in "/api/v1/billing-settings" }, body: { _ in
                .json(#"{"mode": "perSession", "currency": "USD", "fees": [], "sessionFee": 6000, "taxId": "", "placeOfService": "11"}"#)
            })),
        Door(
            useCase: "BillingService.recordPayment", audit: .paymentRecord,
            page: Call(role: .reception, method: .post, uri: { world, _ in "/patients/\(world.ownPatientID)/payments" }, body: { _ in
                .form([("amount", "10.00"), ("method", "cash")])
            }),
            api: Call(role: .reception, method: .post, uri: { world, _ in "/api/v1/patients/\(world.ownPatientID)/payments" }, body: { _ in
                .json(#"{"amount": {"minorUnits": 1000, "currency": "USD"}, "method": "card"}"#)
            })),
        Door(
            useCase: "BillingService.statement", audit: .paymentsRead,
            page: Call(role: .patient, method: .get, uri: { world, _ in "/patients/\(world.ownPatientID)/account" }),
            api: Call(role: .patient, method: .get, uri: { world, _ in "/api/v1/patients/\(world.ownPatientID)/account" })),
        Door(
            useCase: "IncidentService.list", audit: .incidentList,
            page: Call(role: .admin, method: .get, uri: { _, _ in "/admin/incidents" }),
            api: Call(role: .admin, method: .get, uri: { _, _ in "/api/v1/incidents" })),
        Door(
            useCase: "StrictaService.course", audit: .courseStricta,
            page: Call(role: .practitioner, method: .get, uri: { world, _ in "/patients/\(world.ownPatientID)/courses/\(world.courseID)/stricta" }),
            api: Call(role: .practitioner, method: .get, uri: { world, _ in "/api/v1/courses/\(world.courseID)/stricta" })),
        Door(
            useCase: "OutcomeService.progress", audit: .courseRead,
            page: Call(role: .patient, method: .get, uri: { world, _ in "/patients/\(world.ownPatientID)/courses/\(world.courseID)" }),
            api: Call(role: .patient, method: .get, uri: { world, _ in "/api/v1/courses/\(world.courseID)" })),
    ]

    @Test(arguments: doors)
    func thePageAndTheAPIReachTheSameUseCase(door: Door) async throws {
        try await withTestWorld { client, world in
            let visits = try await door.prepare(world)
            for (adapter, call) in [("page", door.page), ("API", door.api)] {
                let last = try await Self.newestEvents(world).first?.sequence ?? 0
                let status = try await Self.send(call, adapter: adapter, client: client, world: world, visits: visits)
                #expect(status.code < 400, "\(door.useCase) through the \(adapter) answered \(status)")
                let added = try await Self.newestEvents(world).filter { $0.sequence > last }
                #expect(added.map(\.action) == [door.audit.rawValue], "\(door.useCase) through the \(adapter) recorded \(added.map(\.action))")
                #expect(added.first?.actorUserID == world.sessions[call.role]!.actor.userID)
                #expect(added.first?.actorRole == call.role.rawValue)
            }
        }
    }

    /// Every operation of the API document and the application-layer use case its handler calls;
    /// nil for the few that touch no clinic data (health, the document itself, the point catalogue
    /// and the stateless plan preview, which are the Core's alone).
    static let operations: [String: String?] = [
        "getHealth": nil, "getOpenAPIDocument": nil, "listPoints": nil, "getPoint": nil, "previewPlan": nil,
        "getReadiness": "ReadinessCheck.run", "getMe": "AccountService.ownAccount",
        "listPatients": "PatientService.list", "getPatient": "PatientService.read", "getPatientClinical": "PatientService.readClinical",
        "createPatient": "PatientService.create", "updateIntake": "PatientService.updateIntake", "recordConsent": "ConsentService.sign",
        "getConsentText": "ConsentService.current", "exportPatientFHIR": "ExportService.patientBundle",
        "listAssessments": "ConsultationService.consultations", "recordAssessment": "ConsultationService.record",
        "getRedFlags": "ConsultationService.redFlags", "recordRedFlagDecision": "ConsultationService.decide",
        "listPractitioners": "ClinicDirectory.practitioners", "addCertificate": "PractitionerService.addCertificate",
        "getAvailability": "BookingService.freeSlots", "listAppointments": "BookingService.visits", "bookAppointment": "BookingService.book",
        "cancelAppointment": "BookingService.cancel", "rescheduleAppointment": "BookingService.reschedule", "markAttendance": "BookingService.mark",
        "searchCourse": "BookingService.proposeCourse", "bookCourse": "BookingService.bookCourse", "getCourse": "BookingService.course",
        "listMeasures": "OutcomeService.progress", "recordMeasure": "OutcomeService.recordMeasure", "listCourseReviews": "OutcomeService.progress",
        "reviewCourse": "OutcomeService.review", "getAnalytics": "OutcomeService.analytics", "getOutcomeSettings": "OutcomeService.settings",
        "saveOutcomeSettings": "OutcomeService.saveSettings", "getCourseStricta": "StrictaService.course",
        "getSessionStrictaReport": "StrictaService.session", "savePlan": "TreatmentSessionService.savePlan",
        "getCurrentPlan": "TreatmentSessionService.readPlan", "listSessions": "TreatmentSessionService.sessions",
        "startSession": "TreatmentSessionService.start", "getSession": "TreatmentSessionService.session",
        "insertNeedle": "TreatmentSessionService.insert", "removeNeedles": "TreatmentSessionService.remove",
        "recordElectricalPair": "TreatmentSessionService.stimulate", "recordSearch": "TreatmentSessionService.found",
        "undoLastTap": "TreatmentSessionService.undoLastTap", "startTimer": "TreatmentSessionService.startTimer",
        "closeSession": "TreatmentSessionService.close", "listCheckIns": "TreatmentSessionService.checkIn",
        "recordCheckIn": "TreatmentSessionService.checkIn", "getSessionStricta": "TreatmentSessionService.session",
        "getSessionNote": "SessionNoteService.notes", "writeSessionNote": "SessionNoteService.write",
        "listIncidents": "IncidentService.list",
        "setSessionContact": "TreatmentSessionService.setContact", "getSuperbill": "BillingService.superbill",
        "getBillingSettings": "BillingService.settings", "saveBillingSettings": "BillingService.saveSettings",
        "saveProviderIdentity": "BillingService.saveProvider", "getAccount": "BillingService.statement",
        "recordPayment": "BillingService.recordPayment", "sellPackage": "BillingService.sellPackage", "drawPackage": "BillingService.draw",
        "cancelPackage": "BillingService.cancelPackage", "getTakings": "BillingService.takings",
        "getMessagingSettings": "MessagingService.settings", "saveMessagingSettings": "MessagingService.save",
        "setTextMessages": "MessagingService.setTextsWanted",
        "listWaitlist": "WaitlistService.clinicList", "joinWaitlist": "WaitlistService.join", "leaveWaitlist": "WaitlistService.leave",
    ]

    /// The list above is every operation of the document, and each handler does call the use case
    /// the list names, so a new operation cannot be added without naming its door.
    @Test func everyAPIOperationNamesTheUseCaseItCalls() throws {
        let document = try String(contentsOf: Self.root.appendingPathComponent("Sources/AcubackAPI/openapi.yaml"), encoding: .utf8)
        let operationIDs = Set(document.split(separator: "\n").compactMap { line -> String? in
            let text = line.trimmingCharacters(in: .whitespaces)
            return text.hasPrefix("operationId:") ? text.dropFirst("operationId:".count).trimmingCharacters(in: .whitespaces) : nil
        })
        #expect(operationIDs == Set(Self.operations.keys))
        let api = Self.root.appendingPathComponent("Sources/AcubackServer/API")
        let handlers = try FileManager.default.contentsOfDirectory(at: api, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasPrefix("APIService") }
            .map { try String(contentsOf: $0, encoding: .utf8) }.joined(separator: "\n")
        for case let (operation, useCase?) in Self.operations {
            let start = try #require(handlers.range(of: "func \(operation)(_ input: Operations."), "no handler for \(operation)")
            let end = handlers.range(of: "\n    }\n", range: start.upperBound..<handlers.endIndex)?.lowerBound ?? handlers.endIndex
            let function = useCase.split(separator: ".").last!
            #expect(handlers[start.upperBound..<end].contains(".\(function)("), "\(operation) does not call \(useCase)")
        }
        // The doors driven above are among the operations' use cases.
        let listed = Set(Self.operations.values.compactMap { $0 })
        for door in Self.doors {
            let name = String(door.useCase.split(separator: " ").first!)
            #expect(listed.contains(name), "\(door.useCase) is no operation's use case")
        }
    }

    /// The adapters only adapt: no page controller or API handler writes to the audit trail or
    /// builds an audit event itself; the use cases do.
    @Test func noAdapterWritesTheAuditTrailItself() throws {
        let server = Self.root.appendingPathComponent("Sources/AcubackServer")
        let files = try #require(FileManager.default.enumerator(at: server, includingPropertiesForKeys: nil)?.allObjects as? [URL])
        let swift = files.filter { $0.pathExtension == "swift" }
        #expect(swift.count > 40)
        for file in swift {
            let text = try String(contentsOf: file, encoding: .utf8)
            for forbidden in ["services.record(", "services.entry(", "AuditEntry(", "AuditTrail"] {
                #expect(!text.contains(forbidden), "\(file.lastPathComponent) uses \(forbidden)")
            }
        }
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func iso(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }

    /// The clinic's newest audit events, newest first.
    static func newestEvents(_ world: TestWorld) async throws -> [AuditEvent] {
        try await AuditTrail(world.store).search(.init(clinicID: world.clinic.id), limit: 20).items
    }

    static func hannah(in world: TestWorld) async throws -> UUID {
        try #require(try await ClinicStore(world.store).practitioners(clinicID: world.clinic.id).first { $0.name == "Hannah Okafor" }).id
    }

    /// Review visits of the signed-in patient, with Hannah Okafor unless another practitioner is
    /// named, on weekdays well ahead.
    static func book(_ count: Int, in world: TestWorld, with practitioner: UUID? = nil) async throws -> [UUID] {
        let practitionerID: UUID
        if let practitioner { practitionerID = practitioner } else { practitionerID = try await hannah(in: world) }
        let starts = (0..<count).map { APIServiceAppointmentsTests.weekday(9 + $0, daysAhead: 20) }
        return try await BookingStore(world.store).book(starts.map {
            NewAppointment(clinicID: world.clinic.id, patientID: world.ownPatientID, practitionerID: practitionerID, roomID: nil, kind: .review, start: $0, minutes: 30)
        }, reminder: { _, _ in nil }).appointments.map(\.id)
    }

    static func send(
        _ call: Call, adapter: String, client: some TestClientProtocol, world: TestWorld, visits: [UUID]
    ) async throws -> HTTPResponse.Status {
        var headers = world.headers(call.role)
        var body: ByteBuffer?
        switch call.body(world) {
        case .none:
            if call.method == .post && adapter == "page" { body = form([("_csrf", world.csrf(call.role))]) }
            if body != nil { headers[.contentType] = "application/x-www-form-urlencoded" }
        case .form(let fields):
            headers[.contentType] = "application/x-www-form-urlencoded"
            body = form([("_csrf", world.csrf(call.role))] + fields)
        case .json(let text):
            headers[.contentType] = "application/json"
            body = ByteBuffer(string: text)
        }
        return try await client.execute(uri: call.uri(world, visits), method: call.method, headers: headers, body: body) { $0.status }
    }
}
