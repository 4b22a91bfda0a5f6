import AcubackCore
import AcubackStore
import Foundation

/// The admin's search of the audit trail, by patient, user and date; the search is itself audited.
public struct AuditService: Sendable {
    let services: AppServices

    public init(services: AppServices) { self.services = services }

    /// The search as typed: a patient's name, a user's email and a first and last day, each optional.
    public struct Search: Sendable {
        public var patient, user, from, to: String

        public init(patient: String = "", user: String = "", from: String = "", to: String = "") {
            self.patient = patient
            self.user = user
            self.from = from
            self.to = to
        }
    }

    /// A page of events with the names the page shows for their patients and users.
    public struct Result: Sendable {
        public var events: [AuditEvent]
        public var total: Int
        public var patientNames: [UUID: String]
        public var userEmails: [UUID: String]
        public var zone: TimeZone
    }

    public func search(_ search: Search, limit: Int, offset: Int, by actor: Actor, from address: String?) async throws -> Result {
        try AccessPolicy.require(actor, .readAudit, .clinic(actor.clinicID))
        let clinic = try await services.clinic.clinic(id: actor.clinicID)
        let zone = TimeZone(identifier: clinic?.timeZone ?? "UTC") ?? .gmt
        var errors = FieldErrorCollector()
        var filter = AuditTrail.Filter(clinicID: actor.clinicID)
        if !search.patient.isEmpty {
            let matches = try await services.patientStore.patients(clinicID: actor.clinicID, matching: search.patient, limit: 50).items
            filter.patientIDs = matches.map(\.id)
            if matches.isEmpty { errors.add("patient", "no patient matches '\(search.patient)'") }
        }
        if !search.user.isEmpty {
            if let user = try await services.accountStore.user(email: search.user), user.clinicID == actor.clinicID {
                filter.actorUserID = user.id
            } else {
                errors.add("user", "no user of this clinic has the email '\(search.user)'")
            }
        }
        for (field, text) in [("from", search.from), ("to", search.to)] where !text.isEmpty {
            guard let day = CalendarDay(text) else {
                errors.add(field, "must be a date written YYYY-MM-DD")
                continue
            }
            // "to" includes the whole day.
            if field == "to" { filter.to = day.adding(days: 1).start(in: zone) } else { filter.from = day.start(in: zone) }
        }
        try errors.throwIfAny()
        let found = try await services.auditTrail.search(filter, limit: limit, offset: offset)
        let patients = try await services.patientStore.patients(ids: Set(found.items.compactMap(\.patientID)))
        let users = try await services.accountStore.users(ids: Set(found.items.compactMap(\.actorUserID)))
        let result = Result(
            events: found.items, total: found.total, patientNames: patients.mapValues(\.name), userEmails: users.mapValues(\.email), zone: zone)
        try await services.record(
            .auditSearch, by: actor, clinicID: actor.clinicID, patientID: filter.patientIDs?.count == 1 ? filter.patientIDs?.first : nil,
            recordType: .auditTrail, from: address)
        return result
    }
}
