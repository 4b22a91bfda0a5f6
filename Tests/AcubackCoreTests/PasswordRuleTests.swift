import Testing

@testable import AcubackCore

@Suite struct PasswordRuleTests {
    @Test func aLongEnoughPasswordPasses() throws {
        try PasswordRule.check("correct horse battery", email: "a@b.example")
    }

    @Test(arguments: [("short", "at least 10"), ("a@b.example", "must not be the email")])
    func weakPasswordsAreNamed(password: String, rule: String) {
        #expect {
            try PasswordRule.check(password, email: "a@b.example")
        } throws: { error in
            (error as? ValidationError)?.errors.contains { $0.field == "password" && $0.rule.contains(rule) } == true
        }
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
