import AcubackServices
import AcubackCore

/// How the pages name a field in an error: in words a receptionist or a patient reads, not the
/// API's field path (`confirmPassword` is "Confirm password"). The API keeps the path in
/// `errors[].field`.
enum FieldWords {
    /// Names that the camel-case split would get wrong or leave unclear.
    static let named: [String: String] = [
        "bmi": "BMI", "deQi": "De qi", "depthMm": "Depth (mm)", "frequencyHz": "Frequency (Hz)", "intensityMa": "Intensity (mA)",
        "durationMinutes": "Duration (minutes)", "offDayReason": "Reason to start on another day", "painBefore": "Pain now",
        "painAfter": "Pain after", "overrideReason": "Reason to override", "appointmentId": "Appointment", "patientId": "Patient",
        "practitionerId": "Practitioner", "email": "E-mail", "confirmPassword": "Confirm password", "npi": "NPI",
    ]

    static func label(_ field: String) -> String {
        let last = field.split(separator: ".").last.map(String.init) ?? field
        let bare = String(last.prefix { $0 != "[" })
        if let name = named[bare] { return name }
        var words = ""
        for character in bare {
            if character.isUppercase, !words.isEmpty { words += " " + character.lowercased() } else { words.append(character) }
        }
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// Each error for a page's error summary: the field (for links), its name in words, the rule.
    static func rows(_ errors: [FieldError]) -> [[String: String]] {
        errors.map { ["field": $0.field, "label": label($0.field), "rule": $0.rule] }
    }

    /// "Removal reason: is required because …".
    static func sentence(_ error: FieldError) -> String { "\(label(error.field)): \(error.rule)" }
}

extension ValidationError {
    /// The errors with each field named in words, for a page's message.
    var inWords: String { errors.map(FieldWords.sentence).joined(separator: "; ") }
}
