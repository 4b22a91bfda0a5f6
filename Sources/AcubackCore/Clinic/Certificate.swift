import Foundation

/// A practitioner's licence or certificate to needle, as issued by a professional body.
///
/// Only a verified certificate counts, and only on the days inside its validity period:
/// patients must be treated by a certified practitioner (seed; CLINICAL.md §1).
public struct Certificate: Codable, Sendable, Equatable {
    public var issuingBody: String
    public var number: String
    public var validFrom: CalendarDay
    public var validTo: CalendarDay
    public var verifiedBy: String?
    public var verifiedAt: Date?

    public init(
        issuingBody: String, number: String, validFrom: CalendarDay, validTo: CalendarDay,
        verifiedBy: String? = nil, verifiedAt: Date? = nil
    ) {
        self.issuingBody = issuingBody
        self.number = number
        self.validFrom = validFrom
        self.validTo = validTo
        self.verifiedBy = verifiedBy
        self.verifiedAt = verifiedAt
    }

    public var isVerified: Bool { verifiedAt != nil }

    /// True when the certificate allows treating on `day`: verified, and the day inside its period.
    public static let issuingBodyLimit = 200
    public static let numberLimit = 100

    /// What a certificate must say before it is recorded, at the desk and over the API alike.
    public func validate() throws(ValidationError) {
        var errors = FieldErrorCollector()
        for (field, text, limit) in [("issuingBody", issuingBody, Self.issuingBodyLimit), ("number", number, Self.numberLimit)] {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            errors.check(!trimmed.isEmpty, field, "must not be empty")
            errors.check(trimmed.count <= limit, field, "must be at most \(limit) characters")
            errors.check(!trimmed.unicodeScalars.contains { $0.properties.generalCategory == .control }, field, "must not hold control characters")
        }
        errors.check(validFrom <= validTo, "validTo", "must not be before validFrom")
        try errors.throwIfAny()
    }

    public func permitsTreatment(on day: CalendarDay) -> Bool {
        isVerified && validFrom <= day && day <= validTo
    }
}

extension Sequence<Certificate> {
    /// A practitioner may treat on a day when any one of their certificates permits it.
    public func permitTreatment(on day: CalendarDay) -> Bool {
        contains { $0.permitsTreatment(on: day) }
    }
}
