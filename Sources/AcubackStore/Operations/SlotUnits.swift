import AcubackCore
import Foundation
import SQLKit

/// A booking's claims on the time of its practitioner, its room and its patient: one row per
/// `SlotGrid` unit and resource, keyed by (resource, unit), so the key itself refuses a double
/// booking on SQLite and PostgreSQL alike. Plain SQL: a booking claims its units in one insert.
enum SlotUnits {
    static let table = "slot_units"

    /// The unit starting at `start`: `SlotGrid` steps since 1970.
    static func unit(of start: Date) -> Int64 {
        Int64((start.timeIntervalSince1970 / Double(SlotGrid.minutes * 60)).rounded(.down))
    }

    static func start(of unit: Int64) -> Date {
        Date(timeIntervalSince1970: Double(unit) * Double(SlotGrid.minutes * 60))
    }

    static func units(from start: Date, minutes: Int) -> [Int64] {
        SlotGrid.slotStarts(from: start, minutes: minutes).map(unit(of:))
    }

    /// Claims every unit of the appointment for each of `resources`; fails on the key when one is held.
    static func claim(appointmentID: UUID, resources: [UUID], start: Date, minutes: Int, on sql: any SQLDatabase) async throws {
        let insert = sql.insert(into: table).columns("resource_id", "unit", "appointment_id")
        for resource in resources {
            for unit in units(from: start, minutes: minutes) {
                insert.values(SQLBind(resource), SQLBind(unit), SQLBind(appointmentID))
            }
        }
        try await insert.run()
    }

    static func release(appointmentID: UUID, on sql: any SQLDatabase) async throws {
        try await sql.delete(from: table).where("appointment_id", .equal, appointmentID).run()
    }

    /// The first of `rooms` none of whose units from `start` is claimed; read inside the booking's
    /// transaction, so on SQLite's one writer the choice cannot be overtaken.
    static func firstFree(of rooms: [UUID], start: Date, minutes: Int, on sql: any SQLDatabase) async throws -> UUID? {
        let taken = try await sql.select().distinct().column("resource_id").from(table)
            .where("resource_id", .in, rooms).where("unit", .in, units(from: start, minutes: minutes))
            .all().map { try $0.decode(column: "resource_id", as: UUID.self) }
        return rooms.first { !taken.contains($0) }
    }

    /// When the booking holding one of `resource`'s units from `start` begins; nil when none is held.
    static func holder(of resource: UUID, start: Date, minutes: Int, on sql: any SQLDatabase) async throws -> Date? {
        try await sql.select().column(SQLColumn("starts_at", table: AppointmentModel.schema)).from(table)
            .join(AppointmentModel.schema, on: SQLColumn("appointment_id", table: table), .equal, SQLColumn("id", table: AppointmentModel.schema))
            .where(SQLColumn("resource_id", table: table), .equal, SQLBind(resource))
            .where(SQLColumn("unit", table: table), .in, SQLBind.group(units(from: start, minutes: minutes)))
            .limit(1).first()?.decode(column: "starts_at", as: Date.self)
    }
}
