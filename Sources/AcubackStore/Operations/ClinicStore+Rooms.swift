import AcubackCore
import FluentKit
import Foundation

/// Treatment rooms: added, renamed, retired from new bookings and brought back.
extension ClinicStore {
    /// Every room of the clinic, retired ones included (their past bookings still name them).
    public func rooms(clinicID: UUID) async throws -> [RoomRecord] {
        try await directory(clinicID: clinicID).rooms
    }

    static func rooms(clinicID: UUID, on db: any Database) async throws -> [RoomRecord] {
        try await RoomModel.query(on: db).filter(\.$clinic.$id == clinicID).sort(\.$name).all().map(\.record)
    }

    /// The rooms new bookings may use.
    public func activeRooms(clinicID: UUID) async throws -> [RoomRecord] {
        try await directory(clinicID: clinicID).activeRooms
    }

    public func addRoom(clinicID: UUID, name: String, audit: AuditEntry? = nil, at now: Date = Date()) async throws -> RoomRecord {
        let trimmed = try Self.checkedRoomName(name)
        return try await change(audit, at: now) { db in
            try await Self.requireFreeName(trimmed, clinicID: clinicID, except: nil, on: db)
            let room = RoomModel(clinicID: clinicID, name: trimmed)
            try await room.create(on: db)
            return (room.record, room.id!.uuidString)
        }
    }

    /// Renames a room of the clinic; nil when it has no such room.
    public func renameRoom(id: UUID, clinicID: UUID, to name: String, audit: AuditEntry? = nil, at now: Date = Date()) async throws -> RoomRecord? {
        let trimmed = try Self.checkedRoomName(name)
        // Looked up first, so that asking for another clinic's room writes no audit event.
        guard try await isOwnRoom(id, clinicID: clinicID) else { return nil }
        return try await change(audit, at: now) { db in
            guard let room = try await RoomModel.find(id, on: db) else { return (nil, nil) }
            try await Self.requireFreeName(trimmed, clinicID: clinicID, except: id, on: db)
            room.name = trimmed
            try await room.save(on: db)
            return (room.record, id.uuidString)
        }
    }

    /// Retires a room from new bookings, or brings it back; nil when the clinic has no such room.
    public func setRoomRetired(id: UUID, clinicID: UUID, retired: Bool, audit: AuditEntry? = nil, at now: Date = Date()) async throws -> RoomRecord? {
        guard try await isOwnRoom(id, clinicID: clinicID) else { return nil }
        return try await change(audit, at: now) { db in
            guard let room = try await RoomModel.find(id, on: db) else { return (nil, nil) }
            if retired {
                let active = try await RoomModel.query(on: db).filter(\.$clinic.$id == clinicID).filter(\.$retiredAt == nil).count()
                // With no room left, bookings would silently stop needing one: say so instead.
                if room.retiredAt == nil, active <= 1 {
                    throw ValidationError(field: "room", rule: "'\(room.name)' is the clinic's last room in use: add another before retiring it")
                }
            }
            room.retiredAt = retired ? (room.retiredAt ?? now) : nil
            try await room.save(on: db)
            return (room.record, id.uuidString)
        }
    }

    private func isOwnRoom(_ id: UUID, clinicID: UUID) async throws -> Bool {
        try await rooms(clinicID: clinicID).contains { $0.id == id }
    }

    static func checkedRoomName(_ name: String) throws(ValidationError) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 60 else { throw ValidationError(field: "name", rule: "must be 1 to 60 characters") }
        return trimmed
    }

    static func requireFreeName(_ name: String, clinicID: UUID, except id: UUID?, on db: any Database) async throws {
        let same = try await RoomModel.query(on: db).filter(\.$clinic.$id == clinicID).filter(\.$name == name).all()
        if same.contains(where: { $0.id != id }) {
            throw ValidationError(field: "name", rule: "a room called '\(name)' already exists")
        }
    }
}

extension RoomModel {
    var record: RoomRecord { RoomRecord(id: id!, name: name, retiredAt: retiredAt) }
}
