import AcubackCore
import AcubackTestSupport
import FluentKit
import Foundation
import Testing

@testable import AcubackStore

@Suite struct BookingStoreTests {
    /// A clinic, a practitioner, two rooms and a patient.
    struct Fixture {
        let clinic: ClinicRecord
        let practitioner: PractitionerRecord
        let rooms: [RoomRecord]
        let patient: PatientRecord

        static func make(_ store: AcubackDatabase) async throws -> Fixture {
            let clinic = try await AccountStore(store).createClinic(name: "C", slug: "c-\(UUID().uuidString.prefix(6))", timeZone: "Europe/London")
            let clinics = ClinicStore(store)
            let practitioner = try await clinics.createPractitioner(clinicID: clinic.id, userID: nil, name: "P", profession: "Acupuncturist", practisingSince: 2010)
            let rooms = [try await clinics.addRoom(clinicID: clinic.id, name: "Room 1"), try await clinics.addRoom(clinicID: clinic.id, name: "Room 2")]
            let patient = try await PatientStore(store).createPatient(
                clinicID: clinic.id, givenName: "Pat", familyName: "Ient", birthDate: "1970-01-01", email: "pat@example.org", phone: nil,
                today: CalendarDay("2026-01-01")!)
            return Fixture(clinic: clinic, practitioner: practitioner, rooms: rooms, patient: patient)
        }

        func appointment(at start: Date, room: Int? = 0, minutes: Int = 45) -> NewAppointment {
            NewAppointment(
                clinicID: clinic.id, patientID: patient.id, practitionerID: practitioner.id, roomID: room.map { rooms[$0].id },
                kind: .treatment, start: start, minutes: minutes)
        }
    }

    let now = Date(timeIntervalSince1970: 1_800_000_000)
    var tenAM: Date { now.addingTimeInterval(3 * 86_400) }
    let reminder: @Sendable (NewAppointment, UUID) -> OutboxDraft? = { _, _ in
        OutboxDraft(kind: "reminder", recipient: "pat@example.org", subject: "Reminder", body: "See you tomorrow")
    }

    @Test(arguments: TestBackend.available)
    func manyParallelAttemptsAtOneSlotExactlyOneWins(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let fixture = try await Fixture.make(store)
            let bookings = BookingStore(store)
            let start = tenAM
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for attempt in 0..<24 {
                    group.addTask {
                        do {
                            // Half ask for room 1, half for room 2: the practitioner is the contended resource.
                            try await bookings.book([fixture.appointment(at: start.addingTimeInterval(Double(attempt % 3) * 300), room: attempt % 2)], reminder: reminder, now: now)
                            return true
                        } catch is SlotTaken {
                            return false
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
            let booked = try await bookings.appointments(clinicID: fixture.clinic.id, from: now, to: now.addingTimeInterval(30 * 86_400))
            #expect(booked.count == 1)
        }
    }

    @Test(arguments: TestBackend.available)
    func aRefusedBookingNamesTheConflictingTimeAndStoresNothing(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let fixture = try await Fixture.make(store)
            let bookings = BookingStore(store)
            try await bookings.book([fixture.appointment(at: tenAM)], reminder: reminder, now: now)
            await #expect(throws: SlotTaken(conflictingStart: tenAM, resource: "practitioner")) {
                try await bookings.book([fixture.appointment(at: tenAM.addingTimeInterval(1800), room: 1)], reminder: reminder, now: now)
            }
            await #expect(throws: SlotTaken(conflictingStart: tenAM, resource: "room")) {
                let other = try await ClinicStore(store).createPractitioner(clinicID: fixture.clinic.id, userID: nil, name: "Q", profession: "Acupuncturist", practisingSince: 2015)
                try await bookings.book([NewAppointment(
                    clinicID: fixture.clinic.id, patientID: fixture.patient.id, practitionerID: other.id, roomID: fixture.rooms[0].id,
                    kind: .treatment, start: tenAM.addingTimeInterval(900), minutes: 30)], reminder: reminder, now: now)
            }
            await #expect(throws: SlotTaken(conflictingStart: tenAM, resource: "patient")) {
                let other = try await ClinicStore(store).createPractitioner(clinicID: fixture.clinic.id, userID: nil, name: "R", profession: "Acupuncturist", practisingSince: 2015)
                try await bookings.book([NewAppointment(
                    clinicID: fixture.clinic.id, patientID: fixture.patient.id, practitionerID: other.id, roomID: nil,
                    kind: .treatment, start: tenAM.addingTimeInterval(-900), minutes: 30)], reminder: reminder, now: now)
            }
            #expect(try await bookings.appointments(clinicID: fixture.clinic.id, from: now, to: tenAM.addingTimeInterval(86_400)).count == 1)
            #expect(try await OutboxStore(store).messages(to: "pat@example.org").count == 1)
        }
    }

    @Test(arguments: TestBackend.available)
    func aCourseIsBookedAllOrNothing(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let fixture = try await Fixture.make(store)
            let bookings = BookingStore(store)
            try await bookings.book([fixture.appointment(at: tenAM.addingTimeInterval(7 * 86_400))], reminder: reminder, now: now)
            let sessions = (0..<4).map { fixture.appointment(at: tenAM.addingTimeInterval(Double($0) * 3.5 * 86_400)) }
            let draft = CourseRecordDraft(clinicID: fixture.clinic.id, patientID: fixture.patient.id, practitionerID: fixture.practitioner.id, sessions: 4, perWeek: 2, kind: .treatment)
            await #expect(throws: SlotTaken.self) { try await bookings.book(sessions, course: draft, reminder: reminder, now: now) }
            #expect(try await bookings.appointments(clinicID: fixture.clinic.id, from: now, to: now.addingTimeInterval(60 * 86_400)).count == 1)
            #expect(try await CourseModel.query(on: store.fluent).count() == 0)

            let free = (0..<4).map { fixture.appointment(at: tenAM.addingTimeInterval(Double($0) * 3 * 86_400 + 3600)) }
            let result = try await bookings.book(free, course: draft, reminder: reminder, now: now)
            let course = try #require(result.course)
            #expect(try await bookings.courseAppointments(courseID: course.id).count == 4)
        }
    }

    @Test(arguments: TestBackend.available)
    func cancellingFreesTheTimeAndWithdrawsTheReminder(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let fixture = try await Fixture.make(store)
            let bookings = BookingStore(store)
            let first = try await bookings.book([fixture.appointment(at: tenAM)], reminder: reminder, now: now).appointments[0]
            try await bookings.cancel(id: first.id)
            #expect(try await bookings.appointment(id: first.id)?.status == .cancelled)
            #expect(try await OutboxStore(store).messages(to: "pat@example.org").first?.status == "withdrawn")
            try await bookings.book([fixture.appointment(at: tenAM)], reminder: reminder, now: now)
        }
    }

    @Test(arguments: TestBackend.available)
    func reschedulingToATakenTimeChangesNothing(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let fixture = try await Fixture.make(store)
            let bookings = BookingStore(store)
            let first = try await bookings.book([fixture.appointment(at: tenAM)], reminder: reminder, now: now).appointments[0]
            try await bookings.book([fixture.appointment(at: tenAM.addingTimeInterval(7200), room: 1)], reminder: reminder, now: now)
            await #expect(throws: SlotTaken.self) {
                try await bookings.reschedule(id: first.id, to: tenAM.addingTimeInterval(7200), roomID: fixture.rooms[0].id, reminders: [], now: now)
            }
            #expect(try await bookings.appointment(id: first.id)?.start == tenAM)
            let moved = try await bookings.reschedule(id: first.id, to: tenAM.addingTimeInterval(86_400), roomID: fixture.rooms[0].id, reminders: [], now: now)
            #expect(moved?.start == tenAM.addingTimeInterval(86_400))
            try await bookings.book([fixture.appointment(at: tenAM)], reminder: reminder, now: now)
        }
    }

    @Test(arguments: TestBackend.available)
    func certificatesExpiringWithinThirtyDaysAreListed(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let fixture = try await Fixture.make(store)
            let clinics = ClinicStore(store)
            let today = CalendarDay("2026-06-01")!
            _ = try await clinics.addCertificate(practitionerID: fixture.practitioner.id, Certificate(issuingBody: "B", number: "soon", validFrom: CalendarDay("2025-01-01")!, validTo: today.adding(days: 20)))
            _ = try await clinics.addCertificate(practitionerID: fixture.practitioner.id, Certificate(issuingBody: "B", number: "later", validFrom: CalendarDay("2025-01-01")!, validTo: today.adding(days: 90)))
            let expiring = try await clinics.certificatesExpiring(clinicID: fixture.clinic.id, within: 30, today: today)
            #expect(expiring.map(\.certificate.certificate.number) == ["soon"])
            await #expect(throws: ValidationError.self) {
                _ = try await clinics.addCertificate(practitionerID: fixture.practitioner.id, Certificate(issuingBody: "B", number: "soon", validFrom: today, validTo: today))
            }
        }
    }

    func audit(_ fixture: Fixture, _ action: String) -> AuditEntry {
        AuditEntry(clinicID: fixture.clinic.id, actorUserID: UUID(), actorRole: "reception", action: action, patientID: fixture.patient.id, recordType: "appointment")
    }

    /// Each change and its audit event commit together: a refused booking leaves no event, and a
    /// mark on a visit no longer booked changes nothing and leaves none either.
    @Test(arguments: TestBackend.available)
    func aChangeAndItsAuditEventAreStoredTogether(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let fixture = try await Fixture.make(store)
            let bookings = BookingStore(store)
            let booked = try await bookings.book([fixture.appointment(at: tenAM)], reminder: reminder, now: now, audit: audit(fixture, "appointment.book")).appointments[0]
            await #expect(throws: SlotTaken.self) {
                _ = try await bookings.book([fixture.appointment(at: tenAM, room: 1)], reminder: reminder, now: now, audit: audit(fixture, "appointment.book"))
            }
            try await bookings.cancel(id: booked.id, audit: audit(fixture, "appointment.cancel"), now: now)
            #expect(try await bookings.mark(id: booked.id, as: .arrived, audit: audit(fixture, "appointment.arrived"), now: now) == nil)
            try await bookings.cancel(id: UUID(), audit: audit(fixture, "appointment.cancel"), now: now)
            let events = try await AuditTrail(store).search(.init(clinicID: fixture.clinic.id)).items
            #expect(events.map(\.action) == ["appointment.cancel", "appointment.book"])
            #expect(events.allSatisfy { $0.recordID == booked.id.uuidString })
            #expect(try await bookings.appointment(id: booked.id)?.status == .cancelled)
        }
    }
}
