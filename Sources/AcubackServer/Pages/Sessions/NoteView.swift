import AcubackServices
import AcubackCore
import Foundation

/// A session's note for the session page: the newest version, the earlier ones, and the form
/// prefilled with the newest so that an amendment starts from what was written.
struct NoteView: Sendable {
    struct Section: Sendable {
        let title: String
        let text: String
    }

    struct Current: Sendable {
        let sections: [Section]
        let traditional: [Section]
        let by: String
        let at: String
        let amendment: Bool
    }

    struct Earlier: Sendable {
        let at: String
        let by: String
        let amendment: Bool
        let summary: String

        init(_ record: SessionNoteRecord, zone: TimeZone) {
            at = DisplayTime.format(record.writtenAt, in: zone)
            by = record.writtenByName
            amendment = record.isAmendment
            summary = record.note.sections.filter { !$0.text.isEmpty }.map { "\($0.title): \($0.text)" }.joined(separator: " · ")
        }
    }

    struct Form: Sendable {
        let subjective: String
        let objective: String
        let assessment: String
        let plan: String
        let tongue: String
        let pulse: String
        let pattern: String
        let hasTraditional: Bool
    }

    let canWrite: Bool
    let amends: Bool
    let noteSaved: Bool
    /// Nil before the first note, so that the "no note yet" line shows.
    let current: Current?
    let hasEarlier: Bool
    let earlierCount: Int
    let earlier: [Earlier]
    let form: Form

    init(_ notes: [SessionNoteRecord], canWrite: Bool, sessionOpen: Bool, zone: TimeZone, saved: Bool) {
        self.canWrite = canWrite
        amends = !sessionOpen && !notes.isEmpty
        noteSaved = saved
        current = notes.first.map { current in
            Current(
                sections: current.note.sections.filter { !$0.text.isEmpty }.map { Section(title: $0.title, text: $0.text) },
                traditional: current.note.traditionalFindings.map { Section(title: $0.title, text: $0.text) },
                by: current.writtenByName, at: DisplayTime.format(current.writtenAt, in: zone), amendment: current.isAmendment)
        }
        let earlier = notes.dropFirst()
        hasEarlier = !earlier.isEmpty
        earlierCount = earlier.count
        self.earlier = earlier.map { Earlier($0, zone: zone) }
        let note = notes.first?.note ?? SessionNote()
        form = Form(
            subjective: note.subjective, objective: note.objective, assessment: note.assessment, plan: note.plan,
            tongue: note.tongue, pulse: note.pulse, pattern: note.pattern, hasTraditional: !note.traditionalFindings.isEmpty)
    }
}
