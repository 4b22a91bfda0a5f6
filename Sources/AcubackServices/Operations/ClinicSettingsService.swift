import AcubackCore
import AcubackStore
import Foundation

/// The clinic's settings, contact details, holidays and rooms, and a practitioner's own hours:
/// each use case checks access, validates, and stores the change with its audit event.
public struct ClinicSettingsService: Sendable {
    public let services: AppServices

    public init(services: AppServices) { self.services = services }

    var store: ClinicStore { services.clinicStore }

    /// Saves booking settings, opening hours and contact details. The consent version and the
    /// holidays are not part of this form and stay as they are.
    public func save(_ input: ClinicSettings, by actor: Actor, from address: String?) async throws {
        try AccessPolicy.require(actor, .manageUsers, .clinic(actor.clinicID))
        let current = try await store.settings(clinicID: actor.clinicID)
        var settings = input
        settings.consentVersion = current.consentVersion
        settings.holidays = current.holidays
        try await store.saveSettings(
            settings, clinicID: actor.clinicID, audit: entry(.clinicSettings, actor, .clinic, address), at: services.now())
    }

    public func addHoliday(_ holiday: ClinicHoliday, by actor: Actor, from address: String?) async throws {
        try AccessPolicy.require(actor, .manageUsers, .clinic(actor.clinicID))
        try await store.addHoliday(holiday, clinicID: actor.clinicID, audit: entry(.clinicHolidayAdd, actor, .holiday, address), at: services.now())
    }

    public func removeHoliday(on day: CalendarDay, by actor: Actor, from address: String?) async throws {
        try AccessPolicy.require(actor, .manageUsers, .clinic(actor.clinicID))
        try await store.removeHoliday(on: day, clinicID: actor.clinicID, audit: entry(.clinicHolidayRemove, actor, .holiday, address), at: services.now())
    }

    public func addRoom(named name: String, by actor: Actor, from address: String?) async throws -> RoomRecord {
        try AccessPolicy.require(actor, .manageUsers, .clinic(actor.clinicID))
        return try await store.addRoom(clinicID: actor.clinicID, name: name, audit: entry(.roomAdd, actor, .room, address), at: services.now())
    }

    /// Nil when the clinic has no such room.
    public func renameRoom(id: UUID, to name: String, by actor: Actor, from address: String?) async throws -> RoomRecord? {
        try AccessPolicy.require(actor, .manageUsers, .clinic(actor.clinicID))
        return try await store.renameRoom(
            id: id, clinicID: actor.clinicID, to: name, audit: entry(.roomRename, actor, .room, address), at: services.now())
    }

    /// Retires a room from new bookings or brings it back; nil when the clinic has no such room.
    public func setRoomRetired(id: UUID, retired: Bool, by actor: Actor, from address: String?) async throws -> RoomRecord? {
        try AccessPolicy.require(actor, .manageUsers, .clinic(actor.clinicID))
        return try await store.setRoomRetired(
            id: id, clinicID: actor.clinicID, retired: retired, audit: entry(retired ? .roomRetire : .roomReactivate, actor, .room, address),
            at: services.now())
    }

    /// A practitioner's working hours, set by the practitioner themselves or by the clinic admin.
    public func setHours(_ hours: WeeklyHours, of practitioner: PractitionerRecord, by actor: Actor, from address: String?) async throws {
        if actor.practitionerID != practitioner.id {
            try AccessPolicy.require(actor, .manageUsers, .clinic(practitioner.clinicID))
        } else {
            try AccessPolicy.require(actor, .treatPatient, .clinic(practitioner.clinicID))
        }
        try await store.setHours(
            practitionerID: practitioner.id, hours: hours, audit: entry(.practitionerHours, actor, .practitioner, address), at: services.now())
    }

    private func entry(_ action: AuditAction, _ actor: Actor, _ recordType: AuditRecordType, _ address: String?) -> AuditEntry {
        services.entry(action, by: actor, clinicID: actor.clinicID, recordType: recordType, from: address)
    }
}
