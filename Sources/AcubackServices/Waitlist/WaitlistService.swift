import AcubackCore
import AcubackStore
import Foundation

/// The waitlist: patients (or the desk for them) wait for a kind of visit at times they can
/// make; a cancelled or moved visit offers its time to whoever waited longest, by a link that
/// books it through the booking use case; an offer not taken in the clinic's window goes on to
/// the next patient (`advance`, run by `WaitlistAdvancer`).
public struct WaitlistService: Sendable {
    public let services: AppServices

    public init(services: AppServices) { self.services = services }

    var store: WaitlistStore { services.waitlistStore }

    /// Puts a patient on the waitlist: a patient only themselves, the desk any patient of the
    /// clinic. Every problem with the request is named by field; nothing is stored then.
    public func join(patientID: UUID, _ request: WaitlistRequest, by actor: Actor, from address: String?) async throws -> WaitlistEntryRecord {
        if actor.role == .patient, actor.patientID != patientID {
            throw WaitlistError.invalid(ValidationError(field: "patientId", rule: "a patient can join the waitlist only for themselves"))
        }
        try AccessPolicy.require(actor, .manageWaitlist, .clinic(actor.clinicID))
        guard let patient = try await services.patientStore.patient(id: patientID), patient.clinicID == actor.clinicID else {
            throw WaitlistError.invalid(ValidationError(field: "patientId", rule: "no patient of this clinic has this id"))
        }
        try AccessPolicy.require(actor, .manageWaitlist, .patient(clinicID: actor.clinicID, patientID: patientID))
        let settings = try await services.clinicStore.settings(clinicID: actor.clinicID)
        var errors = FieldErrorCollector()
        if (patient.email ?? "").isEmpty { errors.add("patientId", "the patient has no e-mail address for offers to reach") }
        if let practitionerID = request.practitionerID, try await services.clinic.practitioner(id: practitionerID, clinicID: actor.clinicID) == nil {
            errors.add("practitionerId", "no practitioner of this clinic has this id")
        }
        if actor.role == .patient, !(try await services.bookings.selfBookableKinds(patientID: patientID, settings: settings)).contains(request.kind) {
            errors.add("kind", "the clinic does not let patients book a \(request.kind.rawValue) themselves; please call the clinic")
        }
        // Taking an offer books a new visit: a patient who could not book one now is told so
        // here, rather than by an offer that fails.
        if request.kind == .consultation,
           let full = try await services.bookings.firstConsultationsFull(clinicID: actor.clinicID, patientID: patientID, settings: settings)
        {
            errors.add("kind", full.description)
        }
        do {
            try request.validate(today: CalendarDay(services.now(), in: settings.zone), minutes: settings.minutes(for: request.kind))
        } catch {
            for problem in error.errors { errors.add(problem.field, problem.rule) }
        }
        do { try errors.throwIfAny() } catch { throw WaitlistError.invalid(error) }
        return try await store.join(
            NewWaitlistEntry(clinicID: actor.clinicID, patientID: patientID, request: request, joinedByUserID: actor.userID), now: services.now(),
            audit: services.entry(.waitlistJoin, by: actor, clinicID: actor.clinicID, patientID: patientID, recordType: .waitlistEntry, from: address))
    }

    /// Takes an entry off the list (its open offer is withdrawn); answers it as it now stands. A
    /// patient leaves only their own. An entry no longer waiting is left as it is.
    @discardableResult
    public func leave(entryID: UUID, by actor: Actor, from address: String?) async throws -> WaitlistEntryRecord {
        guard let entry = try await store.entry(id: entryID), entry.clinicID == actor.clinicID,
              actor.role != .patient || entry.patientID == actor.patientID
        else { throw NotFound(detail: "No such waitlist entry") }
        try AccessPolicy.require(actor, .manageWaitlist, .patient(clinicID: entry.clinicID, patientID: entry.patientID))
        try await store.leave(
            id: entryID, now: services.now(),
            audit: services.entry(
                .waitlistLeave, by: actor, clinicID: entry.clinicID, patientID: entry.patientID, recordType: .waitlistEntry, recordID: entryID.uuidString,
                from: address))
        return try await store.named([try await store.entry(id: entryID) ?? entry]).first ?? entry
    }

    /// A patient's own entries (all, newest state) and the offers open to them, audited as a read.
    public func patientEntries(patientID: UUID, by actor: Actor, from address: String?) async throws
        -> (entries: [WaitlistEntryRecord], offers: [WaitlistOfferRecord])
    {
        try AccessPolicy.require(actor, .manageWaitlist, .patient(clinicID: actor.clinicID, patientID: patientID))
        let entries = try await store.entries(clinicID: actor.clinicID, patientID: patientID, waitingOnly: false)
        let offers = try await store.openOffers(clinicID: actor.clinicID, patientID: patientID)
        try await services.record(.waitlistList, by: actor, clinicID: actor.clinicID, patientID: patientID, recordType: .waitlist, from: address)
        return (entries, offers)
    }

    /// The desk's view: who waits for what, oldest first, and the offers out now.
    public func clinicList(by actor: Actor, from address: String?) async throws -> (entries: [WaitlistEntryRecord], offers: [WaitlistOfferRecord]) {
        try AccessPolicy.require(actor, .readSchedule, .clinic(actor.clinicID))
        let entries = try await store.entries(clinicID: actor.clinicID, waitingOnly: true)
        let offers = try await store.openOffers(clinicID: actor.clinicID)
        try await services.record(.waitlistList, by: actor, clinicID: actor.clinicID, recordType: .waitlist, from: address)
        return (entries, offers)
    }

    public func settings(clinicID: UUID) async throws -> WaitlistSettings {
        try await store.settings(clinicID: clinicID)
    }

    /// The admin sets how long an offer stays open.
    public func save(_ settings: WaitlistSettings, by actor: Actor, from address: String?) async throws {
        try AccessPolicy.require(actor, .manageUsers, .clinic(actor.clinicID))
        do { try settings.validate() } catch { throw WaitlistError.invalid(error) }
        try await store.save(
            settings, clinicID: actor.clinicID, now: services.now(),
            audit: services.entry(.waitlistSettings, by: actor, clinicID: actor.clinicID, recordType: .clinic, from: address))
    }
}
