import AcubackServices
import AcubackCore
import Foundation

/// What the last request to the clinic page left to say or keep: a notice, an error next to the
/// form it came from, and what was typed there.
struct ClinicPageState {
    var saved = ""
    var message: String?
    var typed: FormFields?
    var consentPublished: String?
    var consentError: String?
    var consentDraft: String?
    var holidayError: String?
    var holidayDay = ""
    var holidayLabel = ""
    var roomError: String?
    var waitlistError: String?
    var waitlistTyped: String?
}

/// The admin-clinic template's values.
struct AdminClinicPage: PageModel {
    struct Zone: Sendable { let id: String; let selected: Bool }
    struct Room: Sendable { let id: String; let name: String; let retired: Bool }
    struct Holiday: Sendable { let day: String; let label: String?; let past: Bool }
    struct Consent: Sendable { let version: String; let text: String; let shipped: Bool; let publishedAt: String }

    let timeZones: [Zone]
    let consultationMinutes: String
    let treatmentMinutes: String
    let reviewMinutes: String
    let noticeHours: String
    let openFirstConsultations: String
    let patientsBookTreatments: Bool
    let publicName: String
    let address: String
    let phone: String
    let hoursForm: HoursForm
    let rooms: [Room]
    let holidays: [Holiday]
    let hasHolidays: Bool
    let holidayDay: String
    let holidayLabel: String
    let consent: Consent
    let saved: String?
    let message: String?
    let consentPublished: String?
    let consentError: String?
    let consentDraft: String?
    let holidayError: String?
    let roomError: String?
    /// Set by the controller after the rest: the waitlist's own settings section.
    var waitlist: WaitlistSection?

    init(settings: ClinicSettings, rooms: [RoomRecord], consent: ConsentTextRecord, state: ClinicPageState, today: CalendarDay) {
        // After an error every field shows what was typed, not what is stored.
        let typed = state.typed
        func field(_ name: String, _ stored: String) -> String { typed.map { $0.first(name) ?? "" } ?? stored }
        let zone = field("timeZone", settings.timeZone)
        timeZones = TimeZone.knownTimeZoneIdentifiers.sorted().map { Zone(id: $0, selected: $0 == zone) }
        consultationMinutes = field("consultationMinutes", "\(settings.consultationMinutes)")
        treatmentMinutes = field("treatmentMinutes", "\(settings.treatmentMinutes)")
        reviewMinutes = field("reviewMinutes", "\(settings.reviewMinutes)")
        noticeHours = field("noticeHours", "\(settings.noticeHours)")
        openFirstConsultations = field("openFirstConsultations", "\(settings.openFirstConsultations)")
        patientsBookTreatments = typed.map { $0.text("patientsBookTreatments") == "on" } ?? settings.patientsBookTreatments
        publicName = field("clinicName", settings.contact.name)
        address = field("address", settings.contact.address)
        phone = field("phone", settings.contact.phone)
        hoursForm = typed.map { HoursForm(typed: $0, prefix: "opening", legend: "Opening hours") }
            ?? HoursForm(settings.openingHours, prefix: "opening", legend: "Opening hours")
        self.rooms = rooms.map { Room(id: $0.id.uuidString, name: $0.name, retired: $0.isRetired) }
        holidays = settings.holidays.filter { $0.day >= today.adding(days: -30) }.map {
            Holiday(day: $0.day.description, label: $0.label.isEmpty ? nil : $0.label, past: $0.day < today)
        }
        hasHolidays = !settings.holidays.isEmpty
        holidayDay = state.holidayDay
        holidayLabel = state.holidayLabel
        self.consent = Consent(
            version: consent.version, text: consent.text, shipped: consent.publishedAt == nil,
            publishedAt: consent.publishedAt.map { DisplayTime.format($0, in: settings.zone) } ?? "")
        let notices = ["settings": "Saved.", "holiday": "Holiday added.", "holidayRemoved": "Holiday removed.", "rooms": "Rooms saved."]
        saved = notices[state.saved]
        message = state.message
        consentPublished = state.consentPublished
        consentError = state.consentError
        consentDraft = state.consentDraft
        holidayError = state.holidayError
        roomError = state.roomError
    }
}
