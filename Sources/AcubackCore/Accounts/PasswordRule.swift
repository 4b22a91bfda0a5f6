import Foundation

/// What a new password must be: long enough to resist guessing, not built from the words people
/// use most, not the email address, and short enough that bcrypt reads all of it.
public enum PasswordRule {
    public static let minimumLength = 10
    /// bcrypt reads 72 bytes and ignores the rest: a longer password would seem safer than it is.
    public static let maximumBytes = 72

    public static func check(_ password: String, email: String, field: String = "password") throws(ValidationError) {
        var errors = FieldErrorCollector()
        errors.check(password.count >= minimumLength, field, "must be at least \(minimumLength) characters")
        errors.check(
            password.utf8.count <= maximumBytes, field,
            "must be at most \(maximumBytes) bytes (72 plain letters, fewer with accents): the password hash reads no further")
        let lower = password.lowercased().trimmingCharacters(in: .whitespaces)
        let address = email.lowercased().trimmingCharacters(in: .whitespaces)
        let name = address.split(separator: "@").first.map(String.init) ?? ""
        let isEmail = !address.isEmpty && (lower == address || (name.count >= 4 && CommonPasswords.core(of: lower) == CommonPasswords.core(of: name)))
        errors.check(!isEmail, field, "must not be the email address or its name part")
        if password.count >= minimumLength && !isEmail {
            errors.check(!CommonPasswords.isCommon(password), field, "is one of the passwords people use most (a common word, sequence or keyboard run); choose another")
        }
        try errors.throwIfAny()
    }
}

/// The passwords guessed first: common words (shipped in Resources/Passwords) with digits or
/// symbols around them and look-alike digits for letters, runs and repeats, keyboard walks.
public enum CommonPasswords {
    static let words: Set<String> = {
        guard let url = Bundle.module.url(forResource: "common-words", withExtension: "txt", subdirectory: "Resources/Passwords"),
              let text = try? String(contentsOf: url, encoding: .utf8)
        else { preconditionFailure("Resources/Passwords/common-words.txt is missing from the bundle") }
        return Set(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") })
    }()

    static let keyboardRows = ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm", "qwertzuiop", "azertyuiop", "1q2w3e4r5t6y7u8i9o0p", "1qaz2wsx3edc4rfv"]

    static let lookAlikes: [Character: Character] = ["0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"]

    public static func isCommon(_ password: String) -> Bool {
        let lower = password.lowercased()
        if isRunOrRepeat(lower) || isKeyboardWalk(lower) { return true }
        let core = core(of: lower)
        return !core.isEmpty && isMadeOfWords(core)
    }

    /// The letters of a password without the digits and symbols around them, look-alikes read as letters.
    static func core(of lower: String) -> String {
        let trimmed = lower.trimmingCharacters(in: CharacterSet.letters.inverted)
        return String(trimmed.map { lookAlikes[$0] ?? $0 }.filter(\.isLetter))
    }

    /// "aaaaaaaaaa", "abababab12", "1234567890", "abcdefghij", "9876543210".
    static func isRunOrRepeat(_ text: String) -> Bool {
        let scalars = text.unicodeScalars.map(\.value)
        guard scalars.count > 2 else { return false }
        for unit in 1...3 where scalars.count > unit {
            if (unit..<scalars.count).allSatisfy({ scalars[$0] == scalars[$0 - unit] }) { return true }
        }
        let steps = zip(scalars.dropFirst(), scalars).map { Int($0) - Int($1) }
        return steps.allSatisfy { $0 == 1 } || steps.allSatisfy { $0 == -1 }
    }

    static func isKeyboardWalk(_ text: String) -> Bool {
        let compact = text.filter { !$0.isWhitespace }
        return keyboardRows.contains { row in
            row.contains(compact) || String(row.reversed()).contains(compact) || (compact.count >= row.count && compact.hasPrefix(row))
        }
    }

    /// True when the letters split wholly into common words ("iloveyou", "passwordpassword").
    static func isMadeOfWords(_ core: String) -> Bool {
        let letters = Array(core)
        var reachable = [Bool](repeating: false, count: letters.count + 1)
        reachable[0] = true
        for end in 1...letters.count {
            for start in 0..<end where reachable[start] && words.contains(String(letters[start..<end])) {
                reachable[end] = true
                break
            }
        }
        return reachable[letters.count]
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

