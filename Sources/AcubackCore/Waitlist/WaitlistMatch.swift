import Foundation

/// One patient's place on the waitlist, as the matching rule needs it.
public struct WaitingEntry: Sendable, Equatable {
    public let id: UUID
    public let patientID: UUID
    public let joinedAt: Date
    public let request: WaitlistRequest

    public init(id: UUID, patientID: UUID, joinedAt: Date, request: WaitlistRequest) {
        self.id = id
        self.patientID = patientID
        self.joinedAt = joinedAt
        self.request = request
    }
}

/// A stretch of a practitioner's diary that has just become free (a cancelled or moved visit).
public struct FreedTime: Sendable, Equatable {
    public let practitionerID: UUID
    public let start: Date
    public let minutes: Int

    public init(practitionerID: UUID, start: Date, minutes: Int) {
        self.practitionerID = practitionerID
        self.start = start
        self.minutes = minutes
    }
}

/// Who is offered a freed time: the patient who has waited longest among those whose wishes it
/// fits. A visit of the entry's kind must fit in the freed stretch from its start.
public enum WaitlistMatch {
    /// - Parameters:
    ///   - skipping: entries already offered this time (they let it pass) or holding another
    ///     offer now; and the patient whose own visit freed it is never offered it back.
    ///   - minutes: the length of a visit of each kind at this clinic.
    public static func first(
        for freed: FreedTime, among entries: [WaitingEntry], skipping: Set<UUID> = [], excludingPatient: UUID? = nil,
        minutes: (AppointmentKind) -> Int, zone: TimeZone, now: Date
    ) -> WaitingEntry? {
        guard freed.start > now else { return nil }
        return entries
            .sorted { ($0.joinedAt, $0.id.uuidString) < ($1.joinedAt, $1.id.uuidString) }
            .first { entry in
                let length = minutes(entry.request.kind)
                return !skipping.contains(entry.id) && entry.patientID != excludingPatient && length <= freed.minutes
                    && entry.request.accepts(start: freed.start, minutes: length, practitionerID: freed.practitionerID, zone: zone)
            }
    }
}

/// How long a patient has to take an offer before the next patient is asked: the clinic's own
/// setting, kept apart from the booking settings.
public struct WaitlistSettings: Sendable, Equatable {
    public var offerMinutes: Int

    public init(offerMinutes: Int = WaitlistSettings.defaultOfferMinutes) {
        self.offerMinutes = offerMinutes
    }

    /// Two hours: long enough to see a mail during a working day, short enough to fill the time.
    public static let defaultOfferMinutes = 120
    public static let offerMinutesRange = 15...(72 * 60)

    public func validate() throws(ValidationError) {
        guard Self.offerMinutesRange.contains(offerMinutes) else {
            throw ValidationError(field: "offerMinutes", rule: "must be between 15 and \(72 * 60) minutes (3 days)")
        }
    }
}

/// Where an entry stands: waiting until a visit is booked from an offer, the patient (or the
/// desk) takes it off the list, or its last day passes.
public enum WaitlistEntryStatus: String, Codable, Sendable, CaseIterable {
    case waiting, booked, left, ended
}

/// Where an offer stands: open for the clinic's window, then taken, passed on (expired: the next
/// patient is asked), or withdrawn (the time went to someone else first, or the entry was left).
public enum WaitlistOfferStatus: String, Codable, Sendable, CaseIterable {
    case open, taken, expired, withdrawn
}
