import AcubackCore
import AcubackServices
import Foundation

/// The join form read into a waitlist request, and drawn again with what was typed.
struct WaitlistForm: Sendable {
    struct Choice: Sendable {
        let value: String
        let label: String
        let selected: Bool
    }

    let kinds: [Choice]
    let practitioners: [Choice]
    let weekdays: [Choice]
    let from: String
    let to: String
    let firstDay: String
    let lastDay: String

    static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// The form as first shown (every weekday, the working day, the next four weeks), or as typed.
    init(kinds: [AppointmentKind], practitioners: [PractitionerRecord], today: CalendarDay, typed: FormFields?) {
        let kind = typed?.text("kind") ?? kinds.first?.rawValue ?? ""
        let practitioner = typed?.text("practitioner") ?? ""
        let days = typed.map { Set($0.all("weekday")) } ?? Set((1...5).map(String.init))
        self.kinds = kinds.map { Choice(value: $0.rawValue, label: PlainWords.capitalised(PlainWords.visit($0)), selected: $0.rawValue == kind) }
        self.practitioners = [Choice(value: "", label: "Any practitioner", selected: practitioner.isEmpty)]
            + practitioners.map { Choice(value: $0.id.uuidString, label: $0.name, selected: $0.id.uuidString == practitioner) }
        weekdays = (1...7).map { Choice(value: "\($0)", label: Self.weekdayNames[$0 - 1], selected: days.contains("\($0)")) }
        from = typed?.text("from") ?? "09:00"
        to = typed?.text("to") ?? "17:00"
        firstDay = typed?.text("firstDay") ?? today.description
        lastDay = typed?.text("lastDay") ?? today.adding(days: 27).description
    }

    /// The request the form asks for; every field that cannot be read is named at once.
    static func request(_ form: FormFields) throws(ValidationError) -> WaitlistRequest {
        var errors = FieldErrorCollector()
        let kind = AppointmentKind(rawValue: form.text("kind"))
        errors.check(kind != nil, "kind", "choose a kind of visit")
        let practitionerText = form.text("practitioner")
        let practitioner = UUID(uuidString: practitionerText)
        errors.check(practitionerText.isEmpty || practitioner != nil, "practitionerId", "choose a practitioner from the list")
        let weekdays = form.all("weekday").compactMap(Int.init)
        errors.check(weekdays.count == form.all("weekday").count, "weekdays", "must be days 1 (Monday) to 7 (Sunday)")
        let from = minutes(form.text("from"))
        errors.check(from != nil, "from", "must be a time of day such as 09:00")
        let to = minutes(form.text("to"))
        errors.check(to != nil, "to", "must be a time of day such as 17:00")
        let first = CalendarDay(form.text("firstDay"))
        errors.check(first != nil, "firstDay", "must be a date")
        let last = CalendarDay(form.text("lastDay"))
        errors.check(last != nil, "lastDay", "must be a date")
        try errors.throwIfAny()
        return WaitlistRequest(
            kind: kind!, practitionerID: practitioner, weekdays: Set(weekdays), from: from!, to: to!, firstDay: first!, lastDay: last!)
    }

    /// "09:30" as minutes after midnight; "24:00" is the end of the day.
    static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), (0...24).contains(hour), (0..<60).contains(minute),
              hour * 60 + minute <= 24 * 60
        else { return nil }
        return hour * 60 + minute
    }

    static func clock(_ minutes: Int) -> String { String(format: "%02d:%02d", minutes / 60, minutes % 60) }

    /// "Treatment with any practitioner; Mon, Wed 09:00–12:00; 2 Dec 2026 to 30 Dec 2026".
    static func describe(_ request: WaitlistRequest, practitionerName: String) -> String {
        let who = request.practitionerID == nil ? "any practitioner" : practitionerName
        let days = request.weekdays.count == 7 ? "any day" : request.weekdays.sorted().map { String(weekdayNames[$0 - 1].prefix(3)) }.joined(separator: ", ")
        return "\(PlainWords.capitalised(PlainWords.visit(request.kind))) with \(who); \(days) \(clock(request.from))–\(clock(request.to)); "
            + "\(request.firstDay) to \(request.lastDay)"
    }
}
