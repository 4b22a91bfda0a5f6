import AcubackCore
import AcubackStore
import Foundation

/// The secret calendar links of practitioners and patients: made (or replaced) by their owner,
/// read by whoever holds the link. Each read is audited, since a link reads appointments.
public struct CalendarFeedService: Sendable {
    let services: AppServices
    var store: CalendarFeedStore { services.calendarFeedStore }

    public init(services: AppServices) { self.services = services }

    public enum FeedError: Error {
        /// Only practitioners and patients have a calendar of appointments.
        case noCalendar
    }

    /// Makes a new link for the signed-in practitioner or patient, retiring the old one; answers the token.
    public func renew(by actor: Actor, from address: String?) async throws -> String {
        try AccessPolicy.require(actor, .manageOwnAccount, .none)
        let owner: (CalendarFeedStore.Owner, UUID)
        if let practitionerID = actor.practitionerID {
            owner = (.practitioner, practitionerID)
        } else if let patientID = actor.patientID {
            owner = (.patient, patientID)
        } else {
            throw FeedError.noCalendar
        }
        let token = SecureToken.make()
        try await store.replaceFeed(
            owner: owner.0, ownerID: owner.1, tokenHash: SecureToken.hash(token), now: services.now(),
            audit: services.entry(.calendarFeed, by: actor, clinicID: actor.clinicID, patientID: actor.patientID, recordType: .calendarFeed, from: address))
        return token
    }

    /// The iCalendar text behind a link, or nil for a link that does not exist (or no longer does).
    public func feed(token: String) async throws -> String? {
        guard let owner = try await store.owner(tokenHash: SecureToken.hash(token)) else { return nil }
        let now = services.now()
        let from = now.addingTimeInterval(-30 * 86_400)
        let to = now.addingTimeInterval(180 * 86_400)
        let bookings = services.bookingStore
        let name: String
        let clinicID: UUID
        let appointments: [AppointmentRecord]
        switch owner.owner {
        case .practitioner:
            guard let practitioner = try await services.clinic.practitioner(id: owner.id) else { return nil }
            clinicID = practitioner.clinicID
            name = "Acuback: \(practitioner.name)"
            appointments = try await bookings.appointments(clinicID: clinicID, from: from, to: to, practitionerID: owner.id, includeCancelled: true)
        case .patient:
            guard let patient = try await services.patientStore.patient(id: owner.id) else { return nil }
            clinicID = patient.clinicID
            name = "Acupuncture appointments"
            appointments = try await bookings.appointments(clinicID: clinicID, from: from, to: to, patientID: owner.id, includeCancelled: true)
        }
        try await services.record(
            .calendarRead, by: nil, clinicID: clinicID, patientID: owner.owner == .patient ? owner.id : nil, recordType: .calendarFeed,
            recordID: owner.id.uuidString, from: nil)
        let clinic = try await services.clinic.clinic(id: clinicID)
        return ICalendarFeed(
            name: name, clinicName: clinic?.name ?? "", appointments: appointments, forPractitioner: owner.owner == .practitioner, now: now
        ).render()
    }
}
