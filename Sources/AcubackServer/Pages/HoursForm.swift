import AcubackServices
import AcubackCore

/// Weekly hours as seven rows of controls (closed, opening, closing, and an optional second
/// stretch for a lunch break), shared by the clinic's opening hours and a practitioner's own
/// hours. The template partial `hours-rows` draws it.
struct HoursForm: Sendable {
    struct Row: Sendable {
        let weekday: Int
        let day: String
        let closed: Bool
        let open: String
        let close: String
        let open2: String
        let close2: String
        /// The form's field prefix, repeated here because a Mustache row cannot reach its parent's.
        let prefix: String
        /// Whether the second stretch starts unfolded (it has times in it).
        let split: Bool
    }

    let prefix: String
    let legend: String
    let rows: [Row]

    init(_ hours: WeeklyHours, prefix: String, legend: String) {
        self.init(entries: hours.entries, prefix: prefix, legend: legend)
    }

    /// The rows as the person typed them, to redraw after an error.
    init(typed form: FormFields, prefix: String, legend: String) {
        self.init(entries: Self.entries(form, prefix: prefix), prefix: prefix, legend: legend)
    }

    private init(entries: [DayHoursEntry], prefix: String, legend: String) {
        self.prefix = prefix
        self.legend = legend
        rows = entries.map { entry in
            let first = entry.stretches.first ?? ("", "")
            let second = entry.stretches.dropFirst().first ?? ("", "")
            return Row(
                weekday: entry.weekday, day: entry.dayName, closed: entry.closed, open: first.open, close: first.close,
                open2: second.open, close2: second.close, prefix: prefix, split: !second.open.isEmpty || !second.close.isEmpty)
        }
    }

    /// The working days in a line: "Mon 09:00–17:00 · Tue 09:00–12:30, 13:30–17:00".
    var summary: String {
        let days = rows.filter { !$0.closed && !$0.open.isEmpty }.map { row in
            let stretches = [(row.open, row.close)] + (row.split ? [(row.open2, row.close2)] : [])
            return "\(row.day.prefix(3)) " + stretches.map { "\($0.0)–\($0.1)" }.joined(separator: ", ")
        }
        return days.isEmpty ? "no working days" : days.joined(separator: " · ")
    }

    /// The seven days read from the submitted fields `<prefix>-<weekday>-open`, `-close`,
    /// `-open2`, `-close2` and the `-closed` checkbox.
    static func entries(_ form: FormFields, prefix: String) -> [DayHoursEntry] {
        (1...7).map { weekday in
            let name = "\(prefix)-\(weekday)"
            return DayHoursEntry(
                weekday: weekday, closed: form.flag("\(name)-closed"),
                stretches: [(form.text("\(name)-open"), form.text("\(name)-close")), (form.text("\(name)-open2"), form.text("\(name)-close2"))])
        }
    }

    /// The hours the form holds; field errors name the day under `field`.
    static func hours(_ form: FormFields, prefix: String, field: String) throws(ValidationError) -> WeeklyHours {
        try WeeklyHours.build(from: entries(form, prefix: prefix), field: field)
    }
}
