import AcubackServices
import AcubackCore
import AcubackStore
import Foundation
import Hummingbird

/// Serves the secret calendar links, and lets a practitioner or patient make (or replace) theirs.
struct CalendarFeedController {
    let services: AppServices

    func addRoutes(to router: Router<AcubackRequestContext>) {
        router.get("/calendar/{token}") { _, context in
            let token = (context.parameters.get("token") ?? "").replacingOccurrences(of: ".ics", with: "")
            guard let owner = try await CalendarFeedStore(services.database).owner(tokenHash: SecureToken.hash(token)) else {
                throw HTTPError(.notFound)
            }
            return try await feed(owner)
        }
        router.post("/account/calendar") { _, context in
            try context.require(.manageOwnAccount)
            let actor = context.actor!
            let owner: (CalendarFeedStore.Owner, UUID)
            if let practitionerID = actor.practitionerID {
                owner = (.practitioner, practitionerID)
            } else if let patientID = actor.patientID {
                owner = (.patient, patientID)
            } else {
                throw HTTPError(.badRequest, message: "Only practitioners and patients have a calendar of appointments.")
            }
            let token = SecureToken.make()
            try await CalendarFeedStore(services.database).replaceFeed(owner: owner.0, ownerID: owner.1, tokenHash: SecureToken.hash(token), now: services.now())
            try await services.record(
                "calendar.feed", by: actor, clinicID: actor.clinicID, patientID: actor.patientID, recordType: "calendarFeed",
                from: context.clientAddress)
            return Response.redirect(to: "/account?feed=\(token)", type: .normal)
        }
    }

    private func feed(_ owner: (owner: CalendarFeedStore.Owner, id: UUID)) async throws -> Response {
        let now = services.now()
        let from = now.addingTimeInterval(-30 * 86_400)
        let to = now.addingTimeInterval(180 * 86_400)
        let bookings = BookingStore(services.database)
        let name: String
        let clinicID: UUID
        let appointments: [AppointmentRecord]
        switch owner.owner {
        case .practitioner:
            guard let practitioner = try await ClinicStore(services.database).practitioner(id: owner.id) else { throw HTTPError(.notFound) }
            clinicID = practitioner.clinicID
            name = "Acuback: \(practitioner.name)"
            appointments = try await bookings.appointments(clinicID: clinicID, from: from, to: to, practitionerID: owner.id, includeCancelled: true)
        case .patient:
            guard let patient = try await services.patients.patient(id: owner.id) else { throw HTTPError(.notFound) }
            clinicID = patient.clinicID
            name = "Acupuncture appointments"
            appointments = try await bookings.appointments(clinicID: clinicID, from: from, to: to, patientID: owner.id, includeCancelled: true)
        }
        // Whoever holds the link reads the appointments: each read is in the audit trail.
        try await services.record(
            "calendar.read", by: nil, clinicID: clinicID, patientID: owner.owner == .patient ? owner.id : nil, recordType: "calendarFeed",
            recordID: owner.id.uuidString, from: nil)
        let clinic = try await services.accounts.clinic(id: clinicID)
        let text = ICalendarFeed(
            name: name, clinicName: clinic?.name ?? "", appointments: appointments, forPractitioner: owner.owner == .practitioner, now: now
        ).render()
        return Response(
            status: .ok, headers: [.contentType: "text/calendar; charset=utf-8", .cacheControl: "private, max-age=300"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
