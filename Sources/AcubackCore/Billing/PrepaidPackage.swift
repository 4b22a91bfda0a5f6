import Foundation

/// A course sold ahead as a number of sessions for one price, used before it expires. Each
/// session drawn from it is paid; cancelling it gives the unused sessions' share of the price back
/// as credit.
public struct PrepaidPackage: Sendable, Equatable {
    public var name: String
    public var sessions: Int
    public var price: Money
    public var expires: CalendarDay

    public init(name: String, sessions: Int, price: Money, expires: CalendarDay) {
        self.name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        self.sessions = sessions
        self.price = price
        self.expires = expires
    }

    public static let sessionsRange = 1...50

    public func validate(currency: String, today: CalendarDay) throws(ValidationError) {
        var errors = FieldErrorCollector()
        errors.check(!name.isEmpty && name.count <= 80, "name", "must name the package, at most 80 characters")
        errors.check(Self.sessionsRange.contains(sessions), "sessions", "must be from 1 to 50")
        errors.check((0...BillingSettings.feeLimit).contains(price.minorUnits), "price", "must be from 0 up")
        errors.check(price.currency == currency, "currency", "must be the clinic's currency, \(currency)")
        errors.check(expires > today, "expires", "must be after today")
        try errors.throwIfAny()
    }

    /// The credit for `used` sessions drawn when the package is cancelled: the unused sessions'
    /// share of the price, rounded down to the minor unit so the clinic never refunds more than was paid.
    public func refund(used: Int) -> Money {
        let unused = max(0, sessions - used)
        return Money(price.minorUnits * unused / sessions, price.currency)
    }
}

/// Why a draw from a package is refused.
public enum PackageDrawError: Error, Sendable, Equatable {
    case usedUp(sessions: Int)
    case expired(CalendarDay)
    case cancelled
    case alreadyPaid

    public var field: String { self == .alreadyPaid ? "sessionId" : "packageId" }

    public var rule: String {
        switch self {
        case .usedUp(let sessions): "has no session left: all \(sessions) are used"
        case .expired(let day): "expired on \(day)"
        case .cancelled: "was cancelled"
        case .alreadyPaid: "is already paid from a package"
        }
    }
}
