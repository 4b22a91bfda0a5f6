import Foundation

/// How patients know and reach the clinic: the name on every public page, the address and the
/// telephone number pages and messages give when they say "call the clinic".
public struct ClinicContact: Codable, Sendable, Equatable {
    public var name: String
    public var address: String
    public var phone: String

    public init(name: String = "", address: String = "", phone: String = "") {
        self.name = name
        self.address = address
        self.phone = phone
    }

    /// The software's own name stands in until the clinic gives its own.
    public static let fallbackName = "Acuback"

    public var displayName: String { name.isEmpty ? Self.fallbackName : name }

    /// The same details with surrounding spaces removed, as they are stored.
    public var trimmed: ClinicContact {
        ClinicContact(
            name: name.trimmingCharacters(in: .whitespacesAndNewlines),
            address: address.trimmingCharacters(in: .whitespacesAndNewlines),
            phone: phone.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    public func validate() throws(ValidationError) {
        var errors = FieldErrorCollector()
        errors.check(name.count <= 120, "clinicName", "must be at most 120 characters")
        errors.check(address.count <= 400, "address", "must be at most 400 characters")
        errors.check(phone.count <= 40, "phone", "must be at most 40 characters")
        // Digits with the usual separators: a number a patient can dial, not a sentence.
        let allowed = CharacterSet(charactersIn: "0123456789+()-. /")
        errors.check(
            phone.unicodeScalars.allSatisfy(allowed.contains) && (phone.isEmpty || phone.contains(where: \.isNumber)), "phone",
            "must be a telephone number: digits, spaces and + ( ) - . / only")
        try errors.throwIfAny()
    }
}
