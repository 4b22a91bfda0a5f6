import AcubackCore
import FluentKit
import Foundation
import Testing

@testable import AcubackStore
import AcubackTestSupport

@Suite struct AppointmentSlotTests {
    @Test(arguments: TestBackend.available)
    func theDatabaseRefusesAnOverlappingBookingAndKeepsNothingOfIt(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            _ = try await DemoClinic.load(into: store, today: Date(timeIntervalSince1970: 1_780_000_200), hashPassword: { $0 })
            let db = try store.fluent
            // A booking of the demo week: the finished courses before it hold no slots.
            let existing = try #require(try await AppointmentModel.query(on: db).filter(\.$courseID == nil).sort(\.$startsAt).first())
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
            _ = try await DemoClinic.load(into: store, today: Date(timeIntervalSince1970: 1_780_000_200), hashPassword: { $0 })
            let db = try store.fluent
            // A booking of the demo week: the finished courses before it hold no slots.
            let existing = try #require(try await AppointmentModel.query(on: db).filter(\.$courseID == nil).sort(\.$startsAt).first())
            let next = AppointmentModel(
                clinicID: existing.$clinic.id, patientID: existing.$patient.id,
                practitionerID: existing.$practitioner.id, roomID: nil, kind: .review, status: .booked,
                startsAt: existing.startsAt.addingTimeInterval(Double(existing.minutes * 60)), minutes: 10)
            try await db.transaction { db in
                try await next.create(on: db)
                try await next.holdSlots(on: db)
            }
            let held = try await AppointmentSlotModel.query(on: db).filter(\.$appointment.$id == next.requireID()).count()
            #expect(held == 2)
        }
    }
}
