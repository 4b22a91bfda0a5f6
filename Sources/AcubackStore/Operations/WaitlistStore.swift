import AcubackCore
import FluentKit
import Foundation

/// The waitlist's entries and the clinic's offer window. Offers are in `WaitlistStore+Offers`.
public struct WaitlistStore: Sendable {
    let store: AcubackDatabase

    public init(_ store: AcubackDatabase) {
        self.store = store
    }

    /// Adds an entry with its audit event.
    public func join(_ new: NewWaitlistEntry, now: Date, audit: AuditEntry) async throws -> WaitlistEntryRecord {
        try await store.change(audit, at: now) { db in
            let model = WaitlistEntryModel()
            model.clinicID = new.clinicID
            model.patientID = new.patientID
            model.practitionerID = new.request.practitionerID
            model.kind = new.request.kind
            model.weekdays = new.request.weekdays.sorted().map(String.init).joined()
            model.fromMinute = new.request.from
            model.toMinute = new.request.to
            model.firstDay = new.request.firstDay.description
            model.lastDay = new.request.lastDay.description
            model.status = .waiting
            model.joinedAt = now
            model.joinedByUserID = new.joinedByUserID
            try await model.create(on: db)
            return (model.record, recordID: model.id!.uuidString)
        }
    }

    /// Takes a waiting entry off the list and withdraws its open offer; false when the entry was
    /// not waiting (left already, booked), and then nothing changes and no event is stored.
    @discardableResult
    public func leave(id: UUID, now: Date, audit: AuditEntry) async throws -> Bool {
        do {
            return try await store.change(audit, at: now) { db in
                guard let model = try await WaitlistEntryModel.find(id, on: db), model.status == .waiting else { throw EntryNotWaiting() }
                model.status = .left
                model.closedAt = now
                try await model.save(on: db)
                try await Self.withdrawOffers(entryID: id, now: now, on: db)
                return (true, recordID: id.uuidString)
            }
        } catch is EntryNotWaiting {
            return false
        }
    }

    public func entry(id: UUID) async throws -> WaitlistEntryRecord? {
        try await WaitlistEntryModel.find(id, on: store.reader)?.record
    }

    /// The clinic's entries (or one patient's), oldest first, with names; `waitingOnly` leaves
    /// out the booked, left and ended ones.
    public func entries(clinicID: UUID, patientID: UUID? = nil, waitingOnly: Bool, limit: Int = 500) async throws -> [WaitlistEntryRecord] {
        let query = WaitlistEntryModel.query(on: try store.reader).filter(\.$clinicID == clinicID)
        if let patientID { query.filter(\.$patientID == patientID) }
        if waitingOnly { query.filter(\.$status == .waiting) }
        return try await named(query.sort(\.$joinedAt).limit(limit).all().map(\.record))
    }

    /// Ends the entries whose last day is before `today`: nothing can be offered to them any more.
    public func endPast(today: CalendarDay, now: Date) async throws {
        try await store.change(nil, at: now) { db in
            try await WaitlistEntryModel.query(on: db).filter(\.$status == .waiting).filter(\.$lastDay < today.description)
                .set(\.$status, to: .ended).set(\.$closedAt, to: now).update()
            return ((), recordID: nil)
        }
    }

    public func named(_ records: [WaitlistEntryRecord]) async throws -> [WaitlistEntryRecord] {
        let names = try await Self.names(
            patients: Set(records.map(\.patientID)), practitioners: Set(records.compactMap(\.request.practitionerID)), on: store.reader)
        return records.map { record in
            var named = record
            named.patientName = names.patients[record.patientID] ?? ""
            named.practitionerName = record.request.practitionerID.flatMap { names.practitioners[$0] } ?? ""
            return named
        }
    }

    static func names(patients: Set<UUID>, practitioners: Set<UUID>, on db: any Database) async throws
        -> (patients: [UUID: String], practitioners: [UUID: String])
    {
        let people = patients.isEmpty ? [] : try await PatientModel.query(on: db).filter(\.$id ~~ patients).all()
        let staff = practitioners.isEmpty ? [] : try await PractitionerModel.query(on: db).filter(\.$id ~~ practitioners).all()
        return (
            Dictionary(uniqueKeysWithValues: people.map { ($0.id!, "\($0.givenName) \($0.familyName)") }),
            Dictionary(uniqueKeysWithValues: staff.map { ($0.id!, $0.displayName) })
        )
    }

    // MARK: The offer window

    public func settings(clinicID: UUID) async throws -> WaitlistSettings {
        guard let model = try await WaitlistSettingsModel.find(clinicID, on: store.reader) else { return WaitlistSettings() }
        return WaitlistSettings(offerMinutes: model.offerMinutes)
    }

    public func save(_ settings: WaitlistSettings, clinicID: UUID, now: Date, audit: AuditEntry) async throws {
        try await store.change(audit, at: now) { db in
            let model = try await WaitlistSettingsModel.find(clinicID, on: db) ?? WaitlistSettingsModel()
            model.id = clinicID
            model.offerMinutes = settings.offerMinutes
            try await model.save(on: db)
            return ((), recordID: clinicID.uuidString)
        }
    }
}

/// The entry a change names is no longer waiting: the change and its event roll back together.
struct EntryNotWaiting: Error {}

extension WaitlistStore {
    /// The user account a patient signs in with, if they have one: an offer is booked as them.
    public func patientUserID(patientID: UUID) async throws -> UUID? {
        try await PatientModel.find(patientID, on: store.reader)?.$user.id
    }
}
