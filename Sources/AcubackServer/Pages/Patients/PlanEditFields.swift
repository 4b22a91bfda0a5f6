import AcubackServices
import AcubackCore

/// The practitioner's edits to a proposed plan as they travel in the record page's forms:
/// `add:SP6:left`, `remove:BL23:right` (an empty side means every side), and the add form's
/// `point`, `side` and `replace` fields turned into edits.
enum PlanEditFields {
    static func encode(_ edit: PlanEdit) -> String {
        "\(edit.action.rawValue):\(edit.point):\(edit.side?.rawValue ?? "")"
    }

    static func edits(_ form: FormFields) throws(ValidationError) -> [PlanEdit] {
        var errors = FieldErrorCollector()
        var edits: [PlanEdit] = []
        for (index, text) in form.all("edit").enumerated() {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3, let action = PlanEdit.Action(rawValue: parts[0]), action == .add || action == .remove, !parts[1].isEmpty else {
                errors.add("edits[\(index)]", "'\(text)' is not an edit of the form add:POINT:side or remove:POINT:side")
                continue
            }
            guard parts[2].isEmpty || NeedleSide(rawValue: parts[2]) != nil else {
                errors.add("edits[\(index)].side", "'\(parts[2])' is not one of \(NeedleSide.allCases.map(\.rawValue).joined(separator: ", "))")
                continue
            }
            edits.append(PlanEdit(action: action, point: parts[1], side: NeedleSide(rawValue: parts[2])))
        }
        let point = form.text("point").uppercased()
        if !point.isEmpty {
            if let replaced = form.first("replace"), !replaced.isEmpty {
                let parts = replaced.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
                if parts.count == 2 { edits.append(PlanEdit(action: .remove, point: parts[0], side: NeedleSide(rawValue: parts[1]))) }
            }
            edits.append(PlanEdit(action: .add, point: point, side: NeedleSide(rawValue: form.text("side"))))
        }
        try errors.throwIfAny()
        return edits
    }
}
