import Foundation

/// What a patient's name and birth date must be, wherever a patient is registered (the desk, the
/// portal, the API): the same rule in one place.
public enum PatientIdentityRule {
    public static let nameLimit = 100
    public static let phoneLimit = 40
    /// Nobody registering is older than this; a birth date before it is a typing slip.
    public static let oldestAge = 130

    public static func check(givenName: String, familyName: String, birthDate: String, today: CalendarDay, into errors: inout FieldErrorCollector) {
        for (field, name) in [("givenName", givenName), ("familyName", familyName)] {
            let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
            errors.check(!trimmed.isEmpty, field, "must not be empty")
            errors.check(trimmed.count <= nameLimit, field, "must be at most \(nameLimit) characters")
            errors.check(!trimmed.unicodeScalars.contains { $0.properties.generalCategory == .control }, field, "must not hold control characters")
        }
        let day = CalendarDay(birthDate)
        let earliest = CalendarDay(year: today.year - oldestAge, month: today.month, day: min(today.day, 28))
        errors.check(
            day.map { born in born < today && (earliest.map { born >= $0 } ?? true) } ?? false, "birthDate",
            "must be a past date within the last \(oldestAge) years, written YYYY-MM-DD")
    }

    /// A telephone number as people write one: digits with spaces, dots, dashes, brackets and a leading +.
    public static func check(phone: String, into errors: inout FieldErrorCollector) {
        let trimmed = phone.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return }
        let allowed = CharacterSet(charactersIn: "0123456789 +-().")
        let digits = trimmed.unicodeScalars.filter { CharacterSet.decimalDigits.contains($0) && $0.isASCII }.count
        errors.check(
            trimmed.count <= phoneLimit && trimmed.unicodeScalars.allSatisfy { allowed.contains($0) } && (6...20).contains(digits)
                && !trimmed.dropFirst().contains("+"),
            "phone", "must be a telephone number of 6 to 20 digits (spaces, dots, dashes, brackets and a leading + allowed), at most \(phoneLimit) characters")
    }
}
