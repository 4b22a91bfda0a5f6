import AcubackServices
import AcubackCore
import Foundation

/// The practitioners template's values: the public directory of those certified today.
struct PractitionersPage: PageModel {
    struct PractitionerRow: Sendable {
        struct Qualification: Sendable {
            let body: String
            let until: String
        }

        let id: String
        let name: String
        let profession: String
        let biography: String
        let since: Int
        /// Only the certificates valid today: an expired one says nothing to a patient choosing.
        let qualifications: [Qualification]

        init(_ practitioner: PractitionerRecord, today: CalendarDay) {
            id = practitioner.id.uuidString
            name = practitioner.name
            profession = practitioner.profession
            biography = practitioner.biography
            since = practitioner.practisingSince
            qualifications = practitioner.certificates.filter { $0.certificate.permitsTreatment(on: today) }.map {
                Qualification(body: $0.certificate.issuingBody, until: $0.certificate.validTo.description)
            }
        }
    }

    let practitioners: [PractitionerRow]
}

/// The book template's values: free times by day, to book a visit or to move one.
struct BookPage: PageModel {
    struct Choice: Sendable {
        let value: String
        let label: String
        let selected: Bool
    }

    struct PractitionerChoice: Sendable {
        let id: String
        let name: String
        let selected: Bool
    }

    struct Day: Sendable {
        let label: String
        let folded: Bool
        let count: Int
        let slots: [SlotButton]

        init(_ slots: [Slot], folded: Bool, names: [UUID: String], zone: TimeZone) {
            let day = DisplayTime.day(slots[0].start, in: zone)
            label = day
            self.folded = folded
            count = slots.count
            self.slots = slots.map { slot in
                SlotButton(
                    start: ISO8601DateFormatter().string(from: slot.start), time: DisplayTime.clock(slot.start, in: zone), day: day,
                    with: names[slot.practitionerID] ?? "", practitioner: slot.practitionerID.uuidString)
            }
        }
    }

    /// One button of the slot template.
    struct SlotButton: Sendable {
        let start: String
        let time: String
        let day: String
        let with: String
        /// The practitioner the button names is the one booked, "any practitioner" or not.
        let practitioner: String
    }

    let heading: String
    let lead: String
    let moving: Bool
    let action: String
    let verb: String
    let kind: String
    let kinds: [Choice]
    let showKinds: Bool
    let practitioners: [PractitionerChoice]
    let anyPractitioner: Bool
    let chosen: String
    let days: [Day]
    let hasDays: Bool
    let message: String?
}

/// The visits template's values: the patient's upcoming visits.
struct VisitsPage: PageModel {
    struct VisitRow: Sendable {
        let id: String
        let when: String
        let kind: String
        let with: String
        let room: String
        let minutes: Int
        let canCancel: Bool
        let justBooked: Bool
        let justMoved: Bool
    }

    let visits: [VisitRow]
    let hasVisits: Bool
    let noticeHours: Int
    let bookLabel: String
    let message: String?
    let movedTo: String?
}
