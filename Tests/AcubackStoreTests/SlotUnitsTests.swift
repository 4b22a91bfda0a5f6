import AcubackCore
import AcubackTestSupport
import FluentKit
import Foundation
import SQLKit
import Testing

@testable import AcubackStore

/// Slot units: a booking claims them in one insert, a room taken since the calendars were read is
/// swapped for a spare one inside the commit, and migration 024 carries the older claims across.
@Suite struct SlotUnitsTests {
    let tenAM = Date(timeIntervalSince1970: 1_800_036_000)

    /// A second practitioner and patient, so that only the room can clash.
    static func otherPair(_ fixture: BookingStoreTests.Fixture, _ store: AcubackDatabase) async throws -> (UUID, UUID) {
        let practitioner = try await ClinicStore(store).createPractitioner(
            clinicID: fixture.clinic.id, userID: nil, name: "Q", profession: "Acupuncturist", practisingSince: 2012)
        let patient = try await PatientStore(store).createPatient(
            clinicID: fixture.clinic.id, givenName: "Ann", familyName: "Other", birthDate: "1980-01-01", email: nil, phone: nil,
            today: CalendarDay("2026-01-01")!)
        return (practitioner.id, patient.id)
    }

    @Test(arguments: TestBackend.available)
    func aRoomTakenSinceTheCalendarsWereReadGivesWayToASpareRoom(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let fixture = try await BookingStoreTests.Fixture.make(store)
            let bookings = BookingStore(store)
            _ = try await bookings.book([fixture.appointment(at: tenAM, room: 0)], reminder: { _, _ in nil })
            let (practitioner, patient) = try await Self.otherPair(fixture, store)
            func wanting(spare: [UUID]) -> NewAppointment {
                NewAppointment(
                    clinicID: fixture.clinic.id, patientID: patient, practitionerID: practitioner, roomID: fixture.rooms[0].id, spareRooms: spare,
                    kind: .treatment, start: tenAM.addingTimeInterval(15 * 60), minutes: 45)
            }
            await #expect(throws: SlotTaken.self) { try await bookings.book([wanting(spare: [])], reminder: { _, _ in nil }) }
            let moved = try await bookings.book([wanting(spare: [fixture.rooms[1].id])], reminder: { _, _ in nil }).appointments[0]
            #expect(moved.roomID == fixture.rooms[1].id)
            let stored = try #require(try await bookings.appointment(id: moved.id))
            #expect(stored.roomID == fixture.rooms[1].id && stored.roomName == "Room 2")
        }
    }

    @Test(arguments: TestBackend.available)
    func aClashIsBlamedOnTheRoomOnlyWhenNoSpareRoomWasFree(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let fixture = try await BookingStoreTests.Fixture.make(store)
            let bookings = BookingStore(store)
            _ = try await bookings.book([fixture.appointment(at: tenAM, room: 0)], reminder: { _, _ in nil })
            let (practitioner, _) = try await Self.otherPair(fixture, store)
            // The same patient again, with another practitioner: a spare room is free, the patient is not.
            let again = NewAppointment(
                clinicID: fixture.clinic.id, patientID: fixture.patient.id, practitionerID: practitioner, roomID: fixture.rooms[0].id,
                spareRooms: [fixture.rooms[1].id], kind: .treatment, start: tenAM, minutes: 45)
            await #expect(throws: SlotTaken(conflictingStart: tenAM, resource: "patient")) {
                try await bookings.book([again], reminder: { _, _ in nil })
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func migration024CarriesEveryClaimAcrossAndBack(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let fixture = try await BookingStoreTests.Fixture.make(store)
            _ = try await BookingStore(store).book(
                [fixture.appointment(at: tenAM), fixture.appointment(at: tenAM.addingTimeInterval(86_400), room: nil, minutes: 30)],
                reminder: { _, _ in nil })
            let sql = try store.sql
            func claims() async throws -> Set<String> {
                Set(try await sql.select().columns("resource_id", "unit").from(SlotUnits.table).all().map {
                    "\(try $0.decode(column: "resource_id", as: UUID.self)) \(try $0.decode(column: "unit", as: Int64.self))"
                })
            }
            let before = try await claims()
            // Nine units for each of practitioner, patient and room; six for practitioner and patient.
            let expected = 9 * 3 + 6 * 2
            #expect(before.count == expected)
            try await ClaimSlotUnits().revert(on: try store.fluent)
            let old = try await sql.select().columns("resource_id", "slot_start").from("appointment_slots").all()
            #expect(old.count == before.count)
            #expect(try old.map { try $0.decode(column: "slot_start", as: Date.self) }.contains(tenAM))
            try await ClaimSlotUnits().prepare(on: try store.fluent)
            #expect(try await claims() == before)
        }
    }
}
