import Foundation

/// How a payment was made. The product records payments; it processes no cards.
public enum PaymentMethod: String, Codable, Sendable, CaseIterable {
    case cash, card, transfer
    /// The unused part of a cancelled package, kept as credit on the patient's account: it lowers
    /// what they owe but is no money taken, so a day's takings leave it out.
    case packageCredit

    public var isTakings: Bool { self != .packageCredit }
}

/// A payment as reception records it.
public struct NewPayment: Sendable, Equatable {
    public var amount: Money
    public var method: PaymentMethod
    /// The session it pays for, when it pays for one.
    public var sessionID: UUID?
    public var note: String

    public init(amount: Money, method: PaymentMethod, sessionID: UUID? = nil, note: String = "") {
        self.amount = amount
        self.method = method
        self.sessionID = sessionID
        self.note = note.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A payment is positive, in the clinic's currency, and made by cash, card or transfer
    /// (credit comes only from cancelling a package).
    public func validate(currency: String) throws(ValidationError) {
        var errors = FieldErrorCollector()
        errors.check(amount.minorUnits > 0, "amount", "must be more than zero")
        errors.check(amount.minorUnits <= BillingSettings.feeLimit, "amount", "is larger than any payment the clinic takes")
        errors.check(amount.currency == currency, "currency", "must be the clinic's currency, \(currency)")
        errors.check(method.isTakings, "method", "must be cash, card or transfer")
        errors.check(note.count <= 200, "note", "must be at most 200 characters")
        try errors.throwIfAny()
    }
}
