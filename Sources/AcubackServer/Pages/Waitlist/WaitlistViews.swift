import AcubackCore
import AcubackServices
import Foundation

/// One entry as a row of the patient's or the desk's list.
struct WaitlistEntryRow: Sendable {
    let id: String
    let patient: String
    let patientID: String
    let wants: String
    let since: String
    let status: String
    let waiting: Bool

    init(_ entry: WaitlistEntryRecord, zone: TimeZone) {
        id = entry.id.uuidString
        patient = entry.patientName
        patientID = entry.patientID.uuidString
        wants = WaitlistForm.describe(entry.request, practitionerName: entry.practitionerName)
        since = DisplayTime.format(entry.joinedAt, in: zone)
        status = switch entry.status {
        case .waiting: "Waiting"
        case .booked: "Booked from an offer"
        case .left: "Left the list"
        case .ended: "Ended (its last day has passed)"
        }
        waiting = entry.status == .waiting
    }
}

/// One open offer as a row.
struct WaitlistOfferRow: Sendable {
    let id: String
    let patient: String
    let when: String
    let kind: String
    let with: String
    let until: String

    init(_ offer: WaitlistOfferRecord, zone: TimeZone) {
        id = offer.id.uuidString
        patient = offer.patientName
        when = DisplayTime.format(offer.start, in: zone)
        kind = PlainWords.visit(offer.kind)
        with = offer.practitionerName
        until = DisplayTime.format(offer.expiresAt, in: zone)
    }
}

/// The my-waitlist template's values: the patient's entries, offers open to them, the join form.
struct MyWaitlistPage: PageModel {
    let entries: [WaitlistEntryRow]
    let hasEntries: Bool
    let offers: [WaitlistOfferRow]
    let hasOffers: Bool
    let form: WaitlistForm
    let offerMinutes: Int
    let message: String?
    let joined: Bool
    let left: Bool
}

/// The reception-waitlist template's values: who waits for what, the offers out, and the form
/// to add a patient found by name.
struct ReceptionWaitlistPage: PageModel {
    struct Found: Sendable {
        let id: String
        let name: String
        let born: String
    }

    let entries: [WaitlistEntryRow]
    let hasEntries: Bool
    let offers: [WaitlistOfferRow]
    let hasOffers: Bool
    let query: String
    let found: [Found]
    let searched: Bool
    /// The patient the join form is for, once chosen.
    let patientID: String?
    let patientName: String
    let form: WaitlistForm
    let message: String?
    let joined: Bool
    let left: Bool
}

/// The waitlist-offer template's values: the offer a mailed link opens and what became of it.
struct WaitlistOfferPage: PageModel {
    let token: String
    let when: String
    let kind: String
    let with: String
    let until: String
    let open: Bool
    /// Set when this request booked it.
    let booked: Bool
    let gone: String?
    let message: String?
}
