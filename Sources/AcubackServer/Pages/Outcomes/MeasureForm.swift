import AcubackServices
import AcubackCore
import Foundation

/// Reads the measures form. Every field may be left empty; text that is not a number is refused
/// here, naming the field, and the ranges are checked by `OutcomeMeasures.validate`.
enum MeasureForm {
    static let activityRows = 5

    static func measures(from form: FormFields) throws(ValidationError) -> OutcomeMeasures {
        var errors = FieldErrorCollector()
        func whole(_ field: String, _ rule: String) -> Int? {
            let text = form.text(field)
            guard !text.isEmpty else { return nil }
            guard let value = Int(text) else { errors.add(field, rule); return nil }
            return value
        }
        func decimal(_ field: String) -> Double? {
            let text = form.text(field).replacingOccurrences(of: ",", with: ".")
            guard !text.isEmpty else { return nil }
            guard let value = Double(text), value.isFinite else { errors.add(field, "must be a number of centimetres"); return nil }
            return value
        }
        let pain = "must be a whole number from 0 to 10"
        var activities: [FunctionActivity] = []
        for row in 0..<activityRows {
            let name = form.text("activity\(row)")
            let score = whole("activityScore\(row)", "must be a whole number from 0 to 10")
            // The baseline's activities are filled in again: a name without a score was not asked about this time.
            guard let score else { continue }
            if name.isEmpty { errors.add("function[\(row)].activity", "name the activity the score is for"); continue }
            activities.append(FunctionActivity(activity: name, score: score))
        }
        let measures = OutcomeMeasures(
            painNow: whole("painNow", pain), painAverageWeek: whole("painAverageWeek", pain), painWorst: whole("painWorst", pain),
            function: activities.isEmpty ? nil : activities, fingertipToFloorCm: decimal("fingertipToFloorCm"), schoberCm: decimal("schoberCm"),
            swellingGrade: whole("swellingGrade", "must be from 0 (none) to 3 (marked)"),
            rolandMorris: whole("rolandMorris", "must be a whole number from 0 to 24"), oswestry: whole("oswestry", "must be a whole number from 0 to 100"))
        // Report the range errors together with the typing errors, so one round trip shows all of them.
        if !errors.errors.isEmpty, case .failure(let ranges) = Result(catching: { () throws(ValidationError) in try measures.validate(enabled: Set(Instrument.allCases)) }) {
            for error in ranges.errors where error.field != "measures" && !errors.errors.contains(where: { $0.field == error.field }) {
                errors.add(error.field, error.rule)
            }
        }
        try errors.throwIfAny()
        return measures
    }
}
