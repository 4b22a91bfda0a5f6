import AcubackCore
import AcubackStore
import AcubackTestSupport
import Foundation
import Testing

@testable import AcubackServer
@testable import AcubackServices

/// The clinic's messaging settings, a patient's wish for texts, and the messages a booking queues.
@Suite struct MessagingServiceTests {
    typealias Appointments = APIServiceAppointmentsTests

    func services(_ world: TestWorld) -> AppServices { AcubackConfiguration(port: 0).services(over: world.store) }

    func actor(_ world: TestWorld, _ role: Role) -> Actor { world.sessions[role]!.actor }

    func newPatient(_ world: TestWorld, _ name: String, email: String?, phone: String?) async throws -> PatientRecord {
        try await services(world).patients.create(
            .init(givenName: name, familyName: "Messages", birthDate: "1980-02-02", email: email, phone: phone), by: actor(world, .reception), from: nil)
    }

    @Test(arguments: TestBackend.available)
    func theAdminSetsWhatIsSentAndBadHoursAreRefusedNamingTheField(backend: TestBackend) async throws {
        try await withTestWorld(backend) { _, world in
            let messaging = services(world).messaging
            #expect(try await messaging.settings(by: actor(world, .admin)) == .standard)
            var wanted = MessagingSettings.standard
            wanted.reminderHours = 0
            do {
                try await messaging.save(wanted, by: actor(world, .admin), from: nil)
                Issue.record("an hour count of 0 was taken")
            } catch let error as ValidationError {
                #expect(error.errors.map(\.field) == ["reminderHours"])
            }
            wanted.reminderHours = 169
            await #expect(throws: ValidationError.self) { try await messaging.save(wanted, by: actor(world, .admin), from: nil) }
            #expect(try await messaging.settings(by: actor(world, .admin)) == .standard, "nothing stored")
            await #expect(throws: AccessDenied.self) { try await messaging.save(.standard, by: actor(world, .reception), from: nil) }

            wanted = MessagingSettings(confirmByEmail: false, confirmByText: true, remindByEmail: true, remindByText: false, reminderHours: 48)
            try await messaging.save(wanted, by: actor(world, .admin), from: "127.0.0.1")
            #expect(try await messaging.settings(by: actor(world, .reception)) == wanted)
            wanted.reminderHours = 2
            try await messaging.save(wanted, by: actor(world, .admin), from: "127.0.0.1")
            #expect(try await messaging.settings(by: actor(world, .admin)).reminderHours == 2, "saved again over the first")
            let events = try await AuditTrail(world.store).search(.init(clinicID: world.clinic.id)).items.filter { $0.action == "clinic.messaging" }
            #expect(events.count == 2)
        }
    }

    @Test(arguments: TestBackend.available)
    func aPatientOptsInToTextsOnlyWithATelephoneNumberAndEveryChangeIsAudited(backend: TestBackend) async throws {
        try await withTestWorld(backend) { _, world in
            let messaging = services(world).messaging
            let noPhone = try await newPatient(world, "Nadia", email: "nadia@example.org", phone: nil)
            do {
                try await messaging.setTextsWanted(true, for: noPhone, by: actor(world, .reception), from: nil)
                Issue.record("texts wanted without a number")
            } catch let error as ValidationError {
                #expect(error.errors.map(\.field) == ["textReminders"])
            }
            #expect(try await messaging.textsWanted(of: noPhone, by: actor(world, .reception)) == false)

            let withPhone = try await newPatient(world, "Tariq", email: nil, phone: "+44 7700 900123")
            try await messaging.setTextsWanted(true, for: withPhone, by: actor(world, .reception), from: "127.0.0.1")
            #expect(try await messaging.textsWanted(of: withPhone, by: actor(world, .reception)))
            try await messaging.setTextsWanted(false, for: withPhone, by: actor(world, .reception), from: "127.0.0.1")
            #expect(try await messaging.textsWanted(of: withPhone, by: actor(world, .reception)) == false)
            let events = try await AuditTrail(world.store).search(.init(clinicID: world.clinic.id, patientIDs: [withPhone.id])).items
            #expect(events.filter { $0.action == "patient.textReminders" }.count == 2)

            // A patient changes only their own choice.
            let own = try #require(try await PatientStore(world.store).patient(id: world.ownPatientID))
            await #expect(throws: AccessDenied.self) { try await messaging.setTextsWanted(false, for: withPhone, by: actor(world, .patient), from: nil) }
            try await messaging.setTextsWanted(false, for: own, by: actor(world, .patient), from: nil)
        }
    }

    @Test(arguments: TestBackend.available)
    func aBookingConfirmsAtOnceAndRemindsByEachChannelAndACancelWithdrawsTheReminders(backend: TestBackend) async throws {
        try await withTestWorld(backend) { _, world in
            let services = services(world)
            let reception = actor(world, .reception)
            try await services.messaging.save(
                MessagingSettings(confirmByEmail: true, confirmByText: true, remindByEmail: true, remindByText: true, reminderHours: 48),
                by: actor(world, .admin), from: nil)
            let patient = try await newPatient(world, "Ruth", email: "ruth@example.org", phone: "+44 7700 900124")
            try await services.messaging.setTextsWanted(true, for: patient, by: reception, from: nil)
            let mei = try await Appointments().practitionerID(world, named: "Mei Lin Chen")
            let start = Appointments.weekday(10, daysAhead: 9)
            let booked = try await services.bookings.book(
                clinicID: world.clinic.id, patientID: patient.id, practitionerID: mei, kind: .consultation, start: start, by: reception, from: nil)
            let outbox = OutboxStore(world.store)
            let queued = try await outbox.messages(relatedTo: booked.id)
            let confirmations = queued.filter { $0.kind == "confirmation" }
            let reminders = queued.filter { $0.kind == "reminder" }
            #expect(Set(confirmations.map(\.channel)) == [.email, .sms])
            #expect(Set(reminders.map(\.channel)) == [.email, .sms])
            #expect(Set(reminders.map(\.recipient)) == ["ruth@example.org", "+44 7700 900124"])
            for confirmation in confirmations {
                #expect(confirmation.body.contains("/me#before-first-visit"), "\(confirmation.body)")
                #expect(confirmation.body.contains("fill in the intake form and read and sign the consent"), "\(confirmation.body)")
            }
            // The reminders wait for 48 hours before the visit; the confirmations go at once.
            for reminder in reminders { #expect(reminder.availableAt.map { abs($0.timeIntervalSince(start) + 48 * 3600) < 1 } == true) }
            for confirmation in confirmations { #expect(confirmation.availableAt.map { $0 < start.addingTimeInterval(-8 * 86_400) } == true) }

            try await services.bookings.cancel(booked, by: reception, from: nil)
            let after = try await outbox.messages(relatedTo: booked.id).filter { $0.kind == "reminder" }
            #expect(after.map(\.status) == ["withdrawn", "withdrawn"])
        }
    }

    @Test func aPatientWhoWantsNoTextsIsSentOnlyEmailAndTheChecklistFollowsTheIntake() async throws {
        try await withTestWorld { _, world in
            let services = services(world)
            let patient = try await newPatient(world, "Saoirse", email: "saoirse@example.org", phone: "+44 7700 900125")
            let mei = try await Appointments().practitionerID(world, named: "Mei Lin Chen")
            let booked = try await services.bookings.book(
                clinicID: world.clinic.id, patientID: patient.id, practitionerID: mei, kind: .consultation,
                start: Appointments.weekday(14, daysAhead: 9), by: actor(world, .reception), from: nil)
            let queued = try await OutboxStore(world.store).messages(relatedTo: booked.id)
            #expect(queued.map(\.channel) == [.email, .email])
            #expect(try await services.messaging.checklist(for: patient, by: actor(world, .reception)) == FirstVisitChecklist(intakeDone: false, consentDone: false))
            try await services.patients.updateIntake(.none, of: patient.id, by: actor(world, .practitioner), from: nil)
            #expect(try await services.messaging.checklist(for: patient, by: actor(world, .reception)).intakeDone)
        }
    }
}
