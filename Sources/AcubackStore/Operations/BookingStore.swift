import AcubackCore
import FluentKit
import Foundation
import SQLKit

/// Appointments and courses. A booking claims its slot units for the practitioner and the room;
/// the unique index on those claims is what makes a double booking impossible, on SQLite and
/// PostgreSQL, whatever the application checked before.
public struct BookingStore: Sendable {
    let store: AcubackDatabase

    public init(_ store: AcubackDatabase) {
        self.store = store
    }

    static let holding = [AppointmentStatus.booked, .arrived, .completed, .noShow].map(\.rawValue)

    /// Booked stretches between `from` and `to`, by practitioner and by room.
    /// - Parameter excluding: an appointment whose own time should not count (when moving it).
    public func busy(clinicID: UUID, from: Date, to: Date, excluding: UUID? = nil) async throws
        -> (practitioners: [UUID: [BusyInterval]], rooms: [UUID: [BusyInterval]])
    {
        // Longest appointment is four hours: look back that far for ones that run into the window.
        // Plain rows rather than models: a busy week is hundreds of appointments on every booking.
        let query = try store.readSQL.select().columns("practitioner_id", "room_id", "starts_at", "minutes").from(AppointmentModel.schema)
            .where("clinic_id", .equal, clinicID).where("status", .in, Self.holding)
            .where("starts_at", .greaterThanOrEqual, from.addingTimeInterval(-4 * 3600)).where("starts_at", .lessThan, to)
        if let excluding { query.where("id", .notEqual, excluding) }
        var practitioners: [UUID: [BusyInterval]] = [:]
        var rooms: [UUID: [BusyInterval]] = [:]
        for row in try await query.all() {
            let interval = BusyInterval(start: try row.decode(column: "starts_at", as: Date.self), minutes: try row.decode(column: "minutes", as: Int.self))
            practitioners[try row.decode(column: "practitioner_id", as: UUID.self), default: []].append(interval)
            if let room = try row.decode(column: "room_id", as: UUID?.self) { rooms[room, default: []].append(interval) }
        }
        return (practitioners, rooms)
    }

    /// The patient's own booked stretches between `from` and `to`.
    public func patientBusy(patientID: UUID, from: Date, to: Date) async throws -> [BusyInterval] {
        try await store.readSQL.select().columns("starts_at", "minutes").from(AppointmentModel.schema)
            .where("patient_id", .equal, patientID).where("status", .in, Self.holding)
            .where("starts_at", .greaterThanOrEqual, from.addingTimeInterval(-4 * 3600)).where("starts_at", .lessThan, to)
            .all().map { BusyInterval(start: try $0.decode(column: "starts_at", as: Date.self), minutes: try $0.decode(column: "minutes", as: Int.self)) }
    }

    /// Books all of `appointments` or none; a reminder for each is queued for 24 hours before it.
    /// Throws `SlotTaken` naming the booking that already holds a time.
    @discardableResult
    public func book(
        _ appointments: [NewAppointment], course: CourseRecordDraft? = nil, reminder: @escaping @Sendable (NewAppointment, UUID) -> OutboxDraft?,
        now: Date = Date(), audit: AuditEntry? = nil
    ) async throws -> (appointments: [AppointmentRecord], course: CourseRecord?) {
        try await book(appointments, course: course, messages: { new, id in
            guard var draft = reminder(new, id) else { return [] }
            draft.availableAt = new.start.addingTimeInterval(-24 * 3600)
            return [draft]
        }, now: now, audit: audit)
    }

    /// Books all of `appointments` or none, with the messages about each (`messages`: its
    /// reminders, each due at its `availableAt`; one already past is not queued) and about the
    /// whole booking (`confirmation`: sent at once), all in the booking's own transaction.
    /// Throws `SlotTaken` naming the booking that already holds a time.
    /// `audit`: the booking's event, stored in the same transaction (naming the course, or the
    /// first appointment), so a booking is never kept without it.
    @discardableResult
    public func book(
        _ appointments: [NewAppointment], course: CourseRecordDraft? = nil, messages: @escaping @Sendable (NewAppointment, UUID) -> [OutboxDraft],
        confirmation: [OutboxDraft] = [], now: Date = Date(), audit: AuditEntry? = nil
    ) async throws -> (appointments: [AppointmentRecord], course: CourseRecord?) {
        do {
            return try await store.change(audit, at: now) { db in
                var courseRecord: CourseRecord?
                if let course {
                    let model = CourseModel()
                    model.clinicID = course.clinicID
                    model.$patient.id = course.patientID
                    model.$practitioner.id = course.practitionerID
                    model.sessions = course.sessions
                    model.perWeek = course.perWeek
                    model.kind = course.kind
                    model.status = "booked"
                    model.createdAt = now
                    model.planID = course.planID
                    model.regimenJSON = try course.regimen.map(SessionCoding.encode)
                    model.region = course.region
                    model.protocolName = course.protocolName
                    model.extendsCourseID = course.extendsCourseID
                    try await model.create(on: db)
                    courseRecord = model.record
                }
                var records: [AppointmentRecord] = []
                for new in appointments {
                    let record = try await Self.insert(new, courseID: courseRecord?.id, now: now, on: db as! any SQLDatabase)
                    for draft in messages(new, record.id) where (draft.availableAt ?? now) > now {
                        try await OutboxStore.enqueue(draft, on: db, now: now, relatedID: record.id)
                    }
                    records.append(record)
                }
                for draft in confirmation {
                    try await OutboxStore.enqueue(draft, on: db, now: now, relatedID: courseRecord == nil ? records.first?.id : nil)
                }
                return ((records, courseRecord), recordID: (courseRecord?.id ?? records.first?.id)?.uuidString)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw try await conflict(for: appointments)
        }
    }

    /// Stores one booked appointment and claims its slot units, in plain SQL: a booking is the
    /// busiest write the clinic makes. When the room chosen was taken since the calendars were
    /// read, the first of the spare rooms still free takes the booking instead.
    private static func insert(_ new: NewAppointment, courseID: UUID?, now: Date, on sql: any SQLDatabase) async throws -> AppointmentRecord {
        var roomID = new.roomID
        if let room = roomID, !new.spareRooms.isEmpty {
            roomID = try await SlotUnits.firstFree(of: [room] + new.spareRooms, start: new.start, minutes: new.minutes, on: sql) ?? room
        }
        let id = UUID()
        try await sql.insert(into: AppointmentModel.schema)
            .columns("id", "clinic_id", "patient_id", "practitioner_id", "room_id", "kind", "status", "starts_at", "minutes", "course_id", "created_at")
            .values(
                SQLBind(id), SQLBind(new.clinicID), SQLBind(new.patientID), SQLBind(new.practitionerID), SQLBind(roomID),
                SQLBind(new.kind.rawValue), SQLBind(AppointmentStatus.booked.rawValue), SQLBind(new.start), SQLBind(new.minutes),
                SQLBind(courseID), SQLBind(now))
            .run()
        let resources = [new.practitionerID, new.patientID] + (roomID.map { [$0] } ?? [])
        try await SlotUnits.claim(appointmentID: id, resources: resources, start: new.start, minutes: new.minutes, on: sql)
        return AppointmentRecord(
            id: id, clinicID: new.clinicID, patientID: new.patientID, practitionerID: new.practitionerID, roomID: roomID, courseID: courseID,
            kind: new.kind, status: .booked, start: new.start, minutes: new.minutes)
    }

    /// The booking holding one of the times the refused request wanted.
    private func conflict(for appointments: [NewAppointment]) async throws -> SlotTaken {
        let sql = try store.sql
        for new in appointments {
            if let start = try await SlotUnits.holder(of: new.practitionerID, start: new.start, minutes: new.minutes, on: sql) {
                return SlotTaken(conflictingStart: start, resource: "practitioner")
            }
            // The room before the patient: a room taken by a booking made at the same moment is worth
            // another try. It is the room's fault only when the spare rooms were all taken too.
            if let room = new.roomID {
                var taken: [Date] = []
                for candidate in [room] + new.spareRooms {
                    guard let start = try await SlotUnits.holder(of: candidate, start: new.start, minutes: new.minutes, on: sql) else { break }
                    taken.append(start)
                }
                if taken.count == 1 + new.spareRooms.count { return SlotTaken(conflictingStart: taken[0], resource: "room") }
            }
            if let start = try await SlotUnits.holder(of: new.patientID, start: new.start, minutes: new.minutes, on: sql) {
                return SlotTaken(conflictingStart: start, resource: "patient")
            }
        }
        return SlotTaken(conflictingStart: appointments.first?.start ?? Date(), resource: "practitioner")
    }

    public func appointment(id: UUID) async throws -> AppointmentRecord? {
        guard let model = try await AppointmentModel.find(id, on: store.reader) else { return nil }
        return try await named([model]).first
    }

    /// Appointments starting in [from, to), earliest first, with names filled in.
    public func appointments(
        clinicID: UUID, from: Date, to: Date, practitionerID: UUID? = nil, patientID: UUID? = nil,
        includeCancelled: Bool = false, limit: Int = 500
    ) async throws -> [AppointmentRecord] {
        let query = AppointmentModel.query(on: try store.reader).filter(\.$clinic.$id == clinicID)
            .filter(\.$startsAt >= from).filter(\.$startsAt < to)
        if let practitionerID { query.filter(\.$practitioner.$id == practitionerID) }
        if let patientID { query.filter(\.$patient.$id == patientID) }
        if !includeCancelled { query.filter(\.$status != .cancelled) }
        return try await named(query.sort(\.$startsAt).limit(limit).all())
    }

    private func named(_ models: [AppointmentModel]) async throws -> [AppointmentRecord] {
        let db = try store.reader
        let patients = try await PatientModel.query(on: db).filter(\.$id ~~ Set(models.map(\.$patient.id))).all()
        let practitioners = try await PractitionerModel.query(on: db).filter(\.$id ~~ Set(models.map(\.$practitioner.id))).all()
        let rooms = try await RoomModel.query(on: db).filter(\.$id ~~ Set(models.compactMap(\.$room.id))).all()
        return models.map { model in
            var record = model.record
            record.patientName = patients.first { $0.id == model.$patient.id }.map { "\($0.givenName) \($0.familyName)" } ?? ""
            record.practitionerName = practitioners.first { $0.id == model.$practitioner.id }?.displayName ?? ""
            record.roomName = rooms.first { $0.id == model.$room.id }?.name ?? ""
            return record
        }
    }

    /// Cancels a booking: its times are free again and its reminder is withdrawn. A booking
    /// already gone changes nothing and leaves no audit event.
    /// - Parameter offer: the waitlist's offer of the freed time, stored in the same transaction.
    public func cancel(id: UUID, audit: AuditEntry? = nil, now: Date = Date(), offer: NewWaitlistOffer? = nil) async throws {
        let offerKeys = try await store.keys(for: offer?.audit)
        do {
            try await store.change(audit, at: now) { db in
                guard let model = try await AppointmentModel.find(id, on: db) else { throw AppointmentGone(id: id) }
                model.status = .cancelled
                try await model.save(on: db)
                try await SlotUnits.release(appointmentID: id, on: db as! any SQLDatabase)
                try await OutboxMessageModel.query(on: db).filter(\.$relatedID == id).filter(\.$status == "pending")
                    .set(\.$status, to: "withdrawn").update()
                if let offer, let offerKeys { try await WaitlistStore.insert(offer, keys: offerKeys, now: now, on: db) }
                return ((), recordID: id.uuidString)
            }
        } catch is AppointmentGone {
            return
        }
    }

    /// Records the desk's mark on a booked visit; nil when it was no longer booked (a second
    /// desk marked or cancelled it first), so the caller never reports, nor audits, a change it
    /// did not make.
    public func mark(id: UUID, as status: AppointmentStatus, audit: AuditEntry? = nil, now: Date = Date()) async throws -> AppointmentRecord? {
        do {
            return try await store.change(audit, at: now) { db in
                guard let model = try await AppointmentModel.find(id, on: db), model.status == .booked else {
                    throw AppointmentGone(id: id)
                }
                model.status = status
                try await model.save(on: db)
                return (model.record, recordID: id.uuidString)
            }
        } catch is AppointmentGone {
            return nil
        }
    }

    /// Moves a booking to a new time (and room) in one step, its pending messages withdrawn and
    /// `reminders` queued for the new time; nothing changes when the new time is taken.
    /// - Parameter offer: the waitlist's offer of the time the move frees, stored in the same transaction.
    public func reschedule(
        id: UUID, to start: Date, roomID: UUID?, reminders: [OutboxDraft], now: Date = Date(), audit: AuditEntry? = nil,
        offer: NewWaitlistOffer? = nil
    ) async throws -> AppointmentRecord? {
        let offerKeys = try await store.keys(for: offer?.audit)
        do {
            return try await store.change(audit, at: now) { db in
                guard let model = try await AppointmentModel.find(id, on: db) else { throw AppointmentGone(id: id) }
                try await SlotUnits.release(appointmentID: id, on: db as! any SQLDatabase)
                model.startsAt = start
                model.$room.id = roomID
                try await model.save(on: db)
                try await model.holdSlots(on: db)
                try await OutboxMessageModel.query(on: db).filter(\.$relatedID == id).filter(\.$status == "pending")
                    .set(\.$status, to: "withdrawn").update()
                for draft in reminders where (draft.availableAt ?? now) > now {
                    try await OutboxStore.enqueue(draft, on: db, now: now, relatedID: id)
                }
                if let offer, let offerKeys { try await WaitlistStore.insert(offer, keys: offerKeys, now: now, on: db) }
                return (model.record, recordID: id.uuidString)
            }
        } catch is AppointmentGone {
            return nil
        } catch let error as any DatabaseError where error.isConstraintFailure {
            guard let existing = try await appointment(id: id) else { throw SlotTaken(conflictingStart: start, resource: "practitioner") }
            throw try await conflict(for: [NewAppointment(
                clinicID: existing.clinicID, patientID: existing.patientID, practitionerID: existing.practitionerID,
                roomID: roomID, kind: existing.kind, start: start, minutes: existing.minutes)])
        }
    }

    public func course(id: UUID) async throws -> CourseRecord? {
        try await CourseModel.find(id, on: store.reader)?.record
    }

    public func courseAppointments(courseID: UUID) async throws -> [AppointmentRecord] {
        try await named(AppointmentModel.query(on: store.reader).filter(\.$courseID == courseID).sort(\.$startsAt).all())
    }
}

/// The appointment a change names is gone (or no longer booked): the change and its audit event
/// roll back together.
struct AppointmentGone: Error {
    let id: UUID
}

/// A course to create together with its appointments.
public struct CourseRecordDraft: Sendable {
    public let clinicID: UUID
    public let patientID: UUID
    public let practitionerID: UUID
    public let sessions: Int
    public let perWeek: Int
    public let kind: AppointmentKind
    public let regimen: Regimen?
    public let planID: UUID?
    public let region: String?
    public let protocolName: String?
    public let extendsCourseID: UUID?

    public init(
        clinicID: UUID, patientID: UUID, practitionerID: UUID, sessions: Int, perWeek: Int, kind: AppointmentKind,
        regimen: Regimen? = nil, planID: UUID? = nil, region: String? = nil, protocolName: String? = nil, extendsCourseID: UUID? = nil
    ) {
        self.clinicID = clinicID
        self.patientID = patientID
        self.practitionerID = practitionerID
        self.sessions = sessions
        self.perWeek = perWeek
        self.kind = kind
        self.regimen = regimen
        self.planID = planID
        self.region = region
        self.protocolName = protocolName
        self.extendsCourseID = extendsCourseID
    }
}
