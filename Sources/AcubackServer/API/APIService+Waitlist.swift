import AcubackAPI
import AcubackCore
import AcubackServices
import Foundation

/// The waitlist's operations, over the same use cases as its pages.
extension APIService {
    func listWaitlist(_ input: Operations.ListWaitlist.Input) async throws -> Operations.ListWaitlist.Output {
        let actor = try actor
        let (entries, offers) = if actor.role == .patient, let own = actor.patientID {
            try await services.waitlist.patientEntries(patientID: own, by: actor, from: RequestActor.clientAddress)
        } else {
            try await services.waitlist.clinicList(by: actor, from: RequestActor.clientAddress)
        }
        return .ok(.init(body: .json(.init(
            entries: entries.map(Components.Schemas.WaitlistEntry.init), offers: offers.map(Components.Schemas.WaitlistOffer.init)))))
    }

    func joinWaitlist(_ input: Operations.JoinWaitlist.Input) async throws -> Operations.JoinWaitlist.Output {
        let actor = try actor
        guard case .json(let body) = input.body else { throw ValidationError(field: "body", rule: "must be JSON") }
        guard let patientID = try uuid(body.patientId, field: "patientId") ?? (actor.role == .patient ? actor.patientID : nil) else {
            throw ValidationError(field: "patientId", rule: "is required")
        }
        var errors = FieldErrorCollector()
        let from = WaitlistForm.minutes(body.from)
        errors.check(from != nil, "from", "must be a time of day such as 09:00")
        let to = WaitlistForm.minutes(body.to)
        errors.check(to != nil, "to", "must be a time of day such as 17:00")
        let first = CalendarDay(body.firstDay)
        errors.check(first != nil, "firstDay", "must be a date such as 2026-12-01")
        let last = CalendarDay(body.lastDay)
        errors.check(last != nil, "lastDay", "must be a date such as 2026-12-31")
        try errors.throwIfAny()
        let request = WaitlistRequest(
            kind: AppointmentKind(rawValue: body.kind.rawValue) ?? .consultation, practitionerID: try uuid(body.practitionerId, field: "practitionerId"),
            weekdays: Set(body.weekdays), from: from!, to: to!, firstDay: first!, lastDay: last!)
        let entry = try await services.waitlist.join(patientID: patientID, request, by: actor, from: RequestActor.clientAddress)
        return .created(.init(body: .json(.init(entry))))
    }

    func leaveWaitlist(_ input: Operations.LeaveWaitlist.Input) async throws -> Operations.LeaveWaitlist.Output {
        guard let id = UUID(uuidString: input.path.entryId) else { throw NotFound(detail: "No such waitlist entry") }
        let entry = try await services.waitlist.leave(entryID: id, by: try actor, from: RequestActor.clientAddress)
        return .ok(.init(body: .json(.init(entry))))
    }
}

extension Components.Schemas.WaitlistEntry {
    init(_ record: WaitlistEntryRecord) {
        self.init(
            id: record.id.uuidString, patientId: record.patientID.uuidString, patientName: record.patientName,
            kind: .init(rawValue: record.request.kind.rawValue)!, practitionerId: record.request.practitionerID?.uuidString,
            practitionerName: record.request.practitionerID == nil ? nil : record.practitionerName, weekdays: record.request.weekdays.sorted(),
            from: WaitlistForm.clock(record.request.from), to: WaitlistForm.clock(record.request.to), firstDay: record.request.firstDay.description,
            lastDay: record.request.lastDay.description, status: .init(rawValue: record.status.rawValue)!, joinedAt: record.joinedAt)
    }
}

extension Components.Schemas.WaitlistOffer {
    init(_ record: WaitlistOfferRecord) {
        self.init(
            id: record.id.uuidString, entryId: record.entryID.uuidString, patientId: record.patientID.uuidString, patientName: record.patientName,
            practitionerId: record.practitionerID.uuidString, practitionerName: record.practitionerName, kind: .init(rawValue: record.kind.rawValue)!,
            start: record.start, expiresAt: record.expiresAt)
    }
}

/// A refused waitlist request: 400 naming each field; an offer gone: 410; a refused booking: as the booking's.
extension WaitlistError: ProblemConvertible {
    func problem(instance: String?) -> Problem {
        switch self {
        case .invalid(let error): .badRequest(error, instance: instance)
        case .offerGone: Problem(title: "Gone", status: 410, detail: description, instance: instance)
        case .refused(let error): .booking(error, instance: instance)
        }
    }
}
