import Foundation

/// What a new password must be: long enough to resist guessing, and not the email address.
public enum PasswordRule {
    public static let minimumLength = 10
    public static let maximumLength = 128

    public static func check(_ password: String, email: String, field: String = "password") throws(ValidationError) {
        var errors = FieldErrorCollector()
        errors.check(password.count >= minimumLength, field, "must be at least \(minimumLength) characters")
        errors.check(password.count <= maximumLength, field, "must be at most \(maximumLength) characters")
        errors.check(password.lowercased() != email.lowercased(), field, "must not be the email address")
        try errors.throwIfAny()
    }
}

/// What an email address must look like to be used as a sign-in name.
public enum EmailRule {
    public static func normalized(_ email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    public static func check(_ email: String, field: String = "email") throws(ValidationError) {
        let normalized = normalized(email)
        let parts = normalized.split(separator: "@", omittingEmptySubsequences: false)
        let valid = parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".")
            && !parts[1].hasSuffix(".") && normalized.count <= 254 && !normalized.contains(" ")
        if !valid { throw ValidationError(field: field, rule: "must be an email address such as name@example.org") }
    }
}

