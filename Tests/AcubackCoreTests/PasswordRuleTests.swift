import Testing

@testable import AcubackCore

@Suite struct PasswordRuleTests {
    @Test(arguments: ["correct horse battery", "Tulips at dawn by the canal", "margaret-hughes-1950?", "7 green kettles whistle"])
    func aLongEnoughUncommonPasswordPasses(password: String) throws {
        try PasswordRule.check(password, email: "a@b.example")
    }

    @Test(arguments: [
        ("short", "at least 10"), ("a@b.example", "must not be the email"),
        ("Password123!", "people use most"), ("P@ssw0rd2026", "people use most"), ("iloveyou12", "people use most"),
        ("qwertyuiop", "people use most"), ("1234567890", "people use most"), ("aaaaaaaaaaaa", "people use most"),
        ("abababababab", "people use most"), ("Summer2026!", "people use most"), ("passwordpassword", "people use most"),
        ("1q2w3e4r5t", "people use most"), ("0987654321", "people use most"), ("acupuncture1", "people use most"),
        (String(repeating: "long words ", count: 7), "at most 72 bytes"), (String(repeating: "é", count: 40), "at most 72 bytes"),
    ])
    func weakPasswordsAreNamed(password: String, rule: String) {
        #expect {
            try PasswordRule.check(password, email: "a@b.example")
        } throws: { error in
            (error as? ValidationError)?.errors.contains { $0.field == "password" && $0.rule.contains(rule) } == true
        }
    }

    @Test(arguments: ["rosalind.smith@clinic.example", "ROSALIND.SMITH@clinic.example", "rosalind.smith2026"])
    func theEmailOrItsNamePartIsRefused(password: String) {
        #expect(throws: ValidationError.self) { try PasswordRule.check(password, email: "Rosalind.Smith@clinic.example") }
    }

    @Test func seventyTwoBytesAreAllowedAndTheCheckCountsBytesNotLetters() throws {
        try PasswordRule.check(String(repeating: "tulip dawn ", count: 6) + "canal1", email: "a@b.example")
        #expect(throws: ValidationError.self) { try PasswordRule.check(String(repeating: "ü", count: 37), email: "a@b.example") }
    }

    @Test(arguments: ["name@example.org", " Name@Example.ORG "])
    func emailAddressesAreAcceptedAndNormalized(email: String) throws {
        try EmailRule.check(email)
        #expect(EmailRule.normalized(email) == "name@example.org")
    }

    @Test(arguments: ["", "name", "name@", "@example.org", "name@example", "na me@example.org", "name@.org"])
    func notEmailAddresses(email: String) {
        #expect(throws: ValidationError.self) { try EmailRule.check(email) }
    }
}
