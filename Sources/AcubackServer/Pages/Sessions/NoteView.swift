import AcubackServices
import AcubackCore
import Foundation

/// A session's note for the session page: the newest version, the earlier ones, and the form
/// prefilled with the newest so that an amendment starts from what was written.
enum NoteView {
    static func context(_ notes: [SessionNoteRecord], canWrite: Bool, sessionOpen: Bool, zone: TimeZone, saved: Bool) -> [String: Any] {
        var values: [String: Any] = ["canWrite": canWrite, "amends": !sessionOpen && !notes.isEmpty, "noteSaved": saved]
        if let current = notes.first {
            values["current"] = [
                "sections": current.note.sections.filter { !$0.text.isEmpty }.map { ["title": $0.title, "text": $0.text] },
                "traditional": current.note.traditionalFindings.map { ["title": $0.title, "text": $0.text] },
                "by": current.writtenByName, "at": DisplayTime.format(current.writtenAt, in: zone), "amendment": current.isAmendment,
            ] as [String: Any]
        }
        let earlier = notes.dropFirst()
        values["hasEarlier"] = !earlier.isEmpty
        values["earlierCount"] = earlier.count
        values["earlier"] = earlier.map { record -> [String: Any] in
            [
                "at": DisplayTime.format(record.writtenAt, in: zone), "by": record.writtenByName, "amendment": record.isAmendment,
                "summary": record.note.sections.filter { !$0.text.isEmpty }.map { "\($0.title): \($0.text)" }.joined(separator: " · "),
            ]
        }
        let note = notes.first?.note ?? SessionNote()
        values["form"] = [
            "subjective": note.subjective, "objective": note.objective, "assessment": note.assessment, "plan": note.plan,
            "tongue": note.tongue, "pulse": note.pulse, "pattern": note.pattern, "hasTraditional": !note.traditionalFindings.isEmpty,
        ] as [String: Any]
        return values
    }
}
