import AcubackCore
import AcubackTestSupport
import FluentKit
import Foundation
import Testing

@testable import AcubackStore

/// Rooms renamed, retired from new bookings and brought back; past bookings keep their room.
@Suite struct ClinicStoreRoomsTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test(arguments: TestBackend.available)
    func aRetiredRoomLeavesNewBookingsButKeepsItsPastOnes(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let fixture = try await BookingStoreTests.Fixture.make(store)
            let clinics = ClinicStore(store)
            let (booked, _) = try await BookingStore(store).book([fixture.appointment(at: now.addingTimeInterval(3600), room: 0)], reminder: { _, _ in nil }, now: now)
            let audit = ClinicStoreTests.audit(fixture.clinic.id, "room.rename")
            let renamed = try await clinics.renameRoom(id: fixture.rooms[0].id, clinicID: fixture.clinic.id, to: " Garden room ", audit: audit, at: now)
            #expect(renamed?.name == "Garden room")
            let retired = try await clinics.setRoomRetired(
                id: fixture.rooms[0].id, clinicID: fixture.clinic.id, retired: true, audit: ClinicStoreTests.audit(fixture.clinic.id, "room.retire"), at: now)
            #expect(retired?.isRetired == true)
            #expect(try await clinics.activeRooms(clinicID: fixture.clinic.id).map(\.name) == ["Room 2"])
            #expect(try await clinics.rooms(clinicID: fixture.clinic.id).count == 2, "a retired room is kept")
            let past = try await BookingStore(store).appointment(id: booked[0].id)
            #expect(past?.roomID == fixture.rooms[0].id && past?.roomName == "Garden room")
            _ = try await clinics.setRoomRetired(id: fixture.rooms[0].id, clinicID: fixture.clinic.id, retired: false, audit: ClinicStoreTests.audit(fixture.clinic.id, "room.reactivate"), at: now)
            #expect(try await clinics.activeRooms(clinicID: fixture.clinic.id).count == 2)
            let actions = try await AuditTrail(store).search(.init(clinicID: fixture.clinic.id)).items.map(\.action)
            #expect(actions == ["room.reactivate", "room.retire", "room.rename"])
        }
    }

    @Test(arguments: TestBackend.available)
    func badRenamesAndRetiringTheLastRoomAreRefusedByField(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let fixture = try await BookingStoreTests.Fixture.make(store)
            let clinics = ClinicStore(store)
            let audit = ClinicStoreTests.audit(fixture.clinic.id, "room.rename")
            await #expect(throws: ValidationError(field: "name", rule: "a room called 'Room 2' already exists")) {
                try await clinics.renameRoom(id: fixture.rooms[0].id, clinicID: fixture.clinic.id, to: "Room 2", audit: audit, at: now)
            }
            await #expect(throws: ValidationError(field: "name", rule: "must be 1 to 60 characters")) {
                try await clinics.renameRoom(id: fixture.rooms[0].id, clinicID: fixture.clinic.id, to: "  ", audit: audit, at: now)
            }
            _ = try await clinics.setRoomRetired(id: fixture.rooms[1].id, clinicID: fixture.clinic.id, retired: true, audit: audit, at: now)
            await #expect(throws: ValidationError.self) {
                try await clinics.setRoomRetired(id: fixture.rooms[0].id, clinicID: fixture.clinic.id, retired: true, audit: audit, at: now)
            }
            // Another clinic's room is not found, and nothing changed.
            #expect(try await clinics.renameRoom(id: fixture.rooms[0].id, clinicID: UUID(), to: "Mine", audit: audit, at: now) == nil)
            #expect(try await clinics.activeRooms(clinicID: fixture.clinic.id).map(\.name) == ["Room 1"])
            #expect(try await AuditTrail(store).search(.init(clinicID: fixture.clinic.id)).items.map(\.action) == ["room.rename"], "only the one retirement that worked")
        }
    }
}
