import Foundation

/// A practitioner's identity on a bill: the US National Provider Identifier and the credentials
/// shown after the name (L.Ac., Dipl. Ac.). An NPI is ten digits whose last is a Luhn check digit
/// over the number prefixed with 80840 (CMS, NPI check digit standard).
public struct ProviderIdentity: Sendable, Equatable {
    public var npi: String
    public var credentials: String

    public init(npi: String, credentials: String) {
        self.npi = npi.trimmingCharacters(in: .whitespaces)
        self.credentials = credentials.trimmingCharacters(in: .whitespaces)
    }

    public static func isValidNPI(_ npi: String) -> Bool {
        guard npi.count == 10, npi.allSatisfy(\.isASCII), npi.allSatisfy(\.isNumber) else { return false }
        let digits = ("80840" + npi).compactMap(\.wholeNumberValue)
        // Luhn: from the right, every second digit doubled (digits of the product summed).
        let sum = digits.reversed().enumerated().reduce(0) { total, pair in
            let (index, digit) = pair
            guard index % 2 == 1 else { return total + digit }
            let doubled = digit * 2
            return total + (doubled > 9 ? doubled - 9 : doubled)
        }
        return sum % 10 == 0
    }

    /// An empty NPI is allowed: a clinic outside the US bills without one.
    public func validate() throws(ValidationError) {
        var errors = FieldErrorCollector()
        errors.check(npi.isEmpty || Self.isValidNPI(npi), "npi", "must be a 10-digit National Provider Identifier with a valid check digit")
        errors.check(credentials.count <= 60, "credentials", "must be at most 60 characters")
        try errors.throwIfAny()
    }
}
