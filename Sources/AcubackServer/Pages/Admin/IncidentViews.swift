import AcubackServices
import AcubackCore
import Foundation

/// The admin-incidents template's values; the template reads them inside `{{#view}}`.
struct AdminIncidentsPage: PageModel {
    let view: IncidentListView
}

/// The admin-incident template's values, inside `{{#view}}` as on the list.
struct AdminIncidentPage: PageModel {
    let view: IncidentPageView
}

/// The incidents list as the template reads it.
struct IncidentListView: Sendable {
    struct Row: Sendable {
        let id: String
        let when: String
        let kind: String
        let patient: String
        let patientId: String
        let sessionId: String
        let detail: String
        let status: String
        let statusLabel: String
        let owner: String?

        init(_ record: IncidentRecord, zone: TimeZone) {
            id = record.id.uuidString
            when = DisplayTime.format(record.occurredAt, in: zone)
            kind = IncidentPageView.kindLabel(record.kind)
            patient = record.patientName
            patientId = record.patientID.uuidString
            sessionId = record.sessionID.uuidString
            detail = record.detail
            status = record.status.rawValue
            statusLabel = record.status.label
            owner = record.ownerName.isEmpty ? nil : record.ownerName
        }
    }

    let incidents: [Row]
    let showAll: Bool
    /// Stored, not computed: Mustache reads a view's stored properties only.
    let any: Bool

    init(incidents: [Row], showAll: Bool) {
        self.incidents = incidents
        self.showAll = showAll
        self.any = !incidents.isEmpty
    }
}

/// One incident with its notes and the follow-up form.
struct IncidentPageView: Sendable {
    struct Note: Sendable { let author: String; let when: String; let text: String }
    struct Choice: Sendable { let value: String; let label: String; let selected: Bool }

    let id: String
    let kind: String
    let when: String
    let patient: String
    let patientId: String
    let sessionId: String
    let detail: String
    let statusLabel: String
    let status: String
    let owner: String?
    let outcome: String?
    let closedAt: String?
    let isClosed: Bool
    let notes: [Note]
    let statuses: [Choice]
    let owners: [Choice]
    let typedNote: String
    let typedOutcome: String
    let saved: Bool
    let message: String?

    init(
        _ record: IncidentRecord, zone: TimeZone, owners: [(id: UUID, name: String)], typed: FormFields?, saved: Bool, message: String?
    ) {
        id = record.id.uuidString
        kind = Self.kindLabel(record.kind)
        when = DisplayTime.format(record.occurredAt, in: zone)
        patient = record.patientName
        patientId = record.patientID.uuidString
        sessionId = record.sessionID.uuidString
        detail = record.detail
        statusLabel = record.status.label
        status = record.status.rawValue
        owner = record.ownerName.isEmpty ? nil : record.ownerName
        outcome = record.outcome.isEmpty ? nil : record.outcome
        closedAt = record.closedAt.map { DisplayTime.format($0, in: zone) }
        isClosed = record.status == .closed
        notes = record.notes.map { Note(author: $0.authorName, when: DisplayTime.format($0.writtenAt, in: zone), text: $0.text) }
        // After an error the form keeps the choices made; otherwise it starts from the stored ones.
        let chosenStatus = typed?.text("status") ?? record.status.rawValue
        statuses = IncidentStatus.allCases.filter { record.status.canMove(to: $0) }
            .map { Choice(value: $0.rawValue, label: $0.label, selected: $0.rawValue == chosenStatus) }
        let chosenOwner = typed?.text("owner") ?? record.ownerUserID?.uuidString ?? ""
        self.owners = owners.map { Choice(value: $0.id.uuidString, label: $0.name, selected: $0.id.uuidString == chosenOwner) }
        typedNote = typed?.first("note") ?? ""
        typedOutcome = typed?.first("outcome") ?? ""
        self.saved = saved
        self.message = message
    }

    static func kindLabel(_ kind: IncidentRecord.Kind) -> String {
        kind == .needleLost ? "Needle not found" : "Serious after-effect"
    }
}
