import AcubackCore
import AcubackStore
import Foundation

/// Offers: made when a time frees, opened and taken through the mailed link, passed on when
/// their window closes.
extension WaitlistService {
    /// The offer of `freed` to the first patient waiting whose wishes it fits and who could be
    /// booked there now, with the mail carrying its link; nil when no one fits. The caller stores
    /// it with the change that freed the time.
    /// - Parameter excluding: the appointment whose time is freed, still in the diary until the change commits.
    func offer(
        for freed: FreedTime, clinicID: UUID, freedBy patientID: UUID?, excluding appointmentID: UUID?, now: Date
    ) async throws -> NewWaitlistOffer? {
        guard freed.start > now else { return nil }
        let waiting = try await store.entries(clinicID: clinicID, waitingOnly: true)
        guard !waiting.isEmpty else { return nil }
        var skipping = try await store.entriesNotToAsk(clinicID: clinicID, practitionerID: freed.practitionerID, start: freed.start)
        let window = try await store.settings(clinicID: clinicID)
        let (finder, practitioners, busy) = try await services.bookings.calendars(
            clinicID: clinicID, from: freed.start.addingTimeInterval(-86_400), to: freed.start.addingTimeInterval(86_400), excluding: appointmentID)
        let settings = finder.settings
        guard let practitioner = practitioners.first(where: { $0.id == freed.practitionerID }) else { return nil }
        let calendar = practitioner.calendar(busy: busy[practitioner.id] ?? [])
        // The first who fits may still not be bookable there (their kind runs past the
        // practitioner's hours, say): then the next one is asked.
        while let entry = WaitlistMatch.first(
            for: freed, among: waiting.map(\.waiting), skipping: skipping, excludingPatient: patientID, minutes: settings.minutes(for:),
            zone: settings.zone, now: now)
        {
            skipping.insert(entry.id)
            let minutes = settings.minutes(for: entry.request.kind)
            guard case .success = finder.check(start: freed.start, minutes: minutes, practitioner: calendar, now: now),
                  let patient = try await services.patientStore.patient(id: entry.patientID), let email = patient.email, !email.isEmpty,
                  try await canBook(entry, start: freed.start, minutes: minutes, clinicID: clinicID, settings: settings)
            else { continue }
            let token = SecureToken.make()
            let expires = now.addingTimeInterval(Double(window.offerMinutes) * 60)
            return NewWaitlistOffer(
                entryID: entry.id, clinicID: clinicID, patientID: patient.id, kind: entry.request.kind, freed: freed, freedByPatientID: patientID,
                tokenHash: SecureToken.hash(token), expiresAt: expires,
                message: message(to: patient, email: email, kind: entry.request.kind, start: freed.start, practitioner: practitioner.name,
                                 token: token, expires: expires, settings: settings),
                audit: systemEntry(.waitlistOffer, clinicID: clinicID, patientID: patient.id))
        }
        return nil
    }

    /// Whether the entry's patient could book there: not busy with a visit of their own then,
    /// and (for a first consultation) not holding as many as the clinic allows.
    func canBook(_ entry: WaitingEntry, start: Date, minutes: Int, clinicID: UUID, settings: ClinicSettings) async throws -> Bool {
        let own = try await services.bookingStore.patientBusy(
            patientID: entry.patientID, from: start, to: start.addingTimeInterval(Double(minutes) * 60))
        let end = start.addingTimeInterval(Double(minutes) * 60)
        if own.contains(where: { $0.start < end && start < $0.end }) { return false }
        guard entry.request.kind == .consultation else { return true }
        return try await services.bookings.firstConsultationsFull(clinicID: clinicID, patientID: entry.patientID, settings: settings) == nil
    }

    func message(
        to patient: PatientRecord, email: String, kind: AppointmentKind, start: Date, practitioner: String, token: String, expires: Date,
        settings: ClinicSettings
    ) -> OutboxDraft {
        let zone = settings.zone
        let when = DisplayTime.format(start, in: zone)
        return OutboxDraft(
            kind: "waitlist-offer", recipient: email, subject: "A time has come free: \(when)",
            body: """
                Hello \(patient.givenName),

                A \(kind.rawValue) with \(practitioner) has come free on \(when), which fits the times you are waiting for.

                To book it, open this link and press the button:
                \(services.publicURL)/waitlist/offers/\(token)

                The offer is yours until \(DisplayTime.format(expires, in: zone)); after that it goes to the next person waiting. If you do nothing you stay on the waitlist.

                \(settings.contact.displayName)
                """)
    }

    /// The audit event of something the server does by itself (an offer made or passed on).
    func systemEntry(_ action: AuditAction, clinicID: UUID, patientID: UUID) -> AuditEntry {
        var entry = services.entry(action, by: nil, clinicID: clinicID, patientID: patientID, recordType: .waitlistOffer, from: nil)
        entry.actorRole = "system"
        return entry
    }

    /// The offer a link's token opens, audited as read by whoever holds the link; nil when unknown.
    public func offer(token: String, from address: String?) async throws -> WaitlistOfferRecord? {
        guard let offer = try await store.offer(tokenHash: SecureToken.hash(token)) else { return nil }
        var read = services.entry(
            .waitlistOfferRead, by: nil, clinicID: offer.clinicID, patientID: offer.patientID, recordType: .waitlistOffer,
            recordID: offer.id.uuidString, from: address)
        read.actorRole = "offer-link"
        try await services.auditTrail.append(read, at: services.now())
        return offer
    }

    /// Books the offered time through the booking use case, as the patient (their own account
    /// when they have one, so every rule of booking for oneself applies). Only the first request
    /// for an open, unexpired offer books; a refused booking passes the offer on to the next patient.
    public func take(token: String, from address: String?) async throws -> AppointmentRecord {
        let now = services.now()
        let hash = SecureToken.hash(token)
        guard let offer = try await store.claim(tokenHash: hash, now: now) else {
            let current = try await store.offer(tokenHash: hash)
            // An open offer past its window, which the advancer has not reached yet, is expired.
            throw WaitlistError.offerGone(current?.status == .open ? .expired : current?.status)
        }
        var actor: Actor?
        if let userID = try await store.patientUserID(patientID: offer.patientID), let user = try await services.accountStore.user(id: userID),
           user.disabledAt == nil
        {
            actor = try await services.accountStore.actor(for: user)
        }
        do {
            let booked = try await services.bookings.book(
                clinicID: offer.clinicID, patientID: offer.patientID, practitionerID: offer.practitionerID, kind: offer.kind, start: offer.start,
                by: actor, from: address)
            try await store.complete(offerID: offer.id, entryID: offer.entryID, appointmentID: booked.id, now: now)
            var taken = services.entry(
                .waitlistOfferTake, by: actor, clinicID: offer.clinicID, patientID: offer.patientID, recordType: .waitlistOffer,
                recordID: offer.id.uuidString, from: address)
            if actor == nil { taken.actorRole = "offer-link" }
            try await services.auditTrail.append(taken, at: now)
            return booked
        } catch let error as BookingError {
            try await store.passOn(offerID: offer.id, now: now)
            try await offerNext(after: offer, now: now)
            throw WaitlistError.refused(error)
        }
    }

    /// Passes every offer whose window has closed to the next patient waiting, and ends entries
    /// whose last day has gone. The advancer calls it every half minute; tests call it with `now`.
    @discardableResult
    public func advance(now: Date) async throws -> Int {
        try await store.endPast(today: CalendarDay(now, in: TimeZone(identifier: "UTC")!).adding(days: -1), now: now)
        var made = 0
        for offer in try await store.expire(now: now) {
            if try await offerNext(after: offer, now: now) { made += 1 }
        }
        return made
    }

    /// Offers the time of a passed-on offer to the next patient, when it is still free.
    @discardableResult
    func offerNext(after offer: WaitlistOfferRecord, now: Date) async throws -> Bool {
        guard let next = try await self.offer(for: offer.freed, clinicID: offer.clinicID, freedBy: offer.freedByPatientID, excluding: nil, now: now)
        else { return false }
        return try await store.offer(next, now: now)
    }
}
