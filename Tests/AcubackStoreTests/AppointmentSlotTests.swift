import AcubackCore
import FluentKit
import Foundation
import SQLKit
import Testing

@testable import AcubackStore
import AcubackTestSupport

@Suite struct AppointmentSlotTests {
    @Test(arguments: TestBackend.available)
    func theDatabaseRefusesAnOverlappingBookingAndKeepsNothingOfIt(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let fixture = try await BookingStoreTests.Fixture.make(store)
            _ = try await BookingStore(store).book([fixture.appointment(at: Date(timeIntervalSince1970: 1_800_036_000))], reminder: { _, _ in nil })
            let db = try store.fluent
            let existing = try #require(try await AppointmentModel.query(on: db).sort(\.$startsAt).first())
            let overlapping = AppointmentModel(
                clinicID: existing.$clinic.id, patientID: existing.$patient.id,
                practitionerID: existing.$practitioner.id, roomID: nil, kind: .review, status: .booked,
                startsAt: existing.startsAt.addingTimeInterval(600), minutes: 30)
            let before = try await AppointmentModel.query(on: db).count()
            await #expect(throws: (any Error).self) {
                try await db.transaction { db in
                    try await overlapping.create(on: db)
                    try await overlapping.holdSlots(on: db)
                }
            }
            #expect(try await AppointmentModel.query(on: db).count() == before)
        }
    }

    @Test(arguments: TestBackend.available)
    func backToBackBookingsDoNotClash(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let fixture = try await BookingStoreTests.Fixture.make(store)
            _ = try await BookingStore(store).book([fixture.appointment(at: Date(timeIntervalSince1970: 1_800_036_000))], reminder: { _, _ in nil })
            let db = try store.fluent
            let existing = try #require(try await AppointmentModel.query(on: db).sort(\.$startsAt).first())
            let next = AppointmentModel(
                clinicID: existing.$clinic.id, patientID: existing.$patient.id,
                practitionerID: existing.$practitioner.id, roomID: nil, kind: .review, status: .booked,
                startsAt: existing.startsAt.addingTimeInterval(Double(existing.minutes * 60)), minutes: 10)
            try await db.transaction { db in
                try await next.create(on: db)
                try await next.holdSlots(on: db)
            }
            let held = try await store.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(SlotUnits.table)
                .where("appointment_id", .equal, next.requireID()).first()?.decode(column: "n", as: Int.self)
            // Two slot units, each held by the practitioner and by the patient.
            #expect(held == 4)
        }
    }
}
