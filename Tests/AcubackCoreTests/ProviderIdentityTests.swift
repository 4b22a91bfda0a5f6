import Testing

@testable import AcubackCore

@Suite struct ProviderIdentityTests {
    @Test func theNPICheckDigitIsVerified() {
        // CMS's worked example of the check digit.
        #expect(ProviderIdentity.isValidNPI("1234567893"))
        #expect(!ProviderIdentity.isValidNPI("1234567890"))
        #expect(!ProviderIdentity.isValidNPI("123456789"))
        #expect(!ProviderIdentity.isValidNPI("12345678931"))
        #expect(!ProviderIdentity.isValidNPI("123456789a"))
    }

    @Test func aBadNPIIsRefusedByField() {
        #expect(throws: ValidationError.self) { try ProviderIdentity(npi: "1234567890", credentials: "L.Ac.").validate() }
        do {
            try ProviderIdentity(npi: "1234567890", credentials: "L.Ac.").validate()
        } catch {
            #expect(error.errors.map(\.field) == ["npi"])
        }
        #expect(throws: Never.self) { try ProviderIdentity(npi: "", credentials: "Dipl. Ac.").validate() }
    }
}
