import Foundation

/// What one closed session costs and how it was paid.
public struct SessionCharge: Sendable, Equatable {
    public var sessionID: UUID
    public var day: CalendarDay
    public var charge: Money
    /// Paid from a package: the session costs the patient nothing more.
    public var fromPackage: Bool
    public var paid: Money

    public init(sessionID: UUID, day: CalendarDay, charge: Money, fromPackage: Bool, paid: Money) {
        self.sessionID = sessionID
        self.day = day
        self.charge = charge
        self.fromPackage = fromPackage
        self.paid = paid
    }

    public var owed: Money { Money(fromPackage ? 0 : max(0, charge.minorUnits - paid.minorUnits), charge.currency) }
}

/// A closed session as billing sees it: its day, its contact time, and when it closed.
public struct BilledSession: Sendable {
    public var id: UUID
    public var day: CalendarDay
    public var closedAt: Date
    public var contact: ContactTime

    public init(id: UUID, day: CalendarDay, closedAt: Date, contact: ContactTime) {
        self.id = id
        self.day = day
        self.closedAt = closedAt
        self.contact = contact
    }
}

/// The charges of a patient's closed sessions under the clinic's settings, and the balance.
public enum PatientAccount {
    /// The sessions whose day's initial code went to an earlier session: one initial code a day,
    /// carried by the day's first session with a billable unit of contact.
    public static func initialBilledEarlier(_ sessions: [BilledSession]) -> Set<UUID> {
        var billedDays: Set<CalendarDay> = []
        var later: Set<UUID> = []
        for session in sessions.sorted(by: { $0.closedAt < $1.closedAt }) {
            if billedDays.contains(session.day) { later.insert(session.id) }
            if AcupunctureCoding.timeUnits(minutes: session.contact.minutes) > 0 { billedDays.insert(session.day) }
        }
        return later
    }

    /// One charge per session, oldest first.
    public static func charges(
        _ sessions: [BilledSession], settings: BillingSettings, paidBySession: [UUID: Int], fromPackage: Set<UUID>
    ) -> [SessionCharge] {
        let initialBilled = initialBilledEarlier(sessions)
        return sessions.sorted { $0.closedAt < $1.closedAt }.map { session in
            let total: Int
            switch settings.mode {
            case .procedureCodes:
                let lines = AcupunctureCoding.lines(for: session.contact, initialBilledEarlierToday: initialBilled.contains(session.id))
                total = lines.reduce(0) { $0 + settings.fee(for: $1.code) * $1.units }
            case .perSession:
                total = settings.sessionFee
            }
            return SessionCharge(
                sessionID: session.id, day: session.day, charge: Money(total, settings.currency), fromPackage: fromPackage.contains(session.id),
                paid: Money(paidBySession[session.id] ?? 0, settings.currency))
        }
    }

    /// What the patient owes: every charge not paid from a package, less everything paid and
    /// credited (a payment not tied to a session counts against the whole account). Negative: in credit.
    public static func balance(_ charges: [SessionCharge], payments: [Money], packagePrices: [Money], currency: String) -> Money {
        let charged = charges.filter { !$0.fromPackage }.reduce(0) { $0 + $1.charge.minorUnits }
            + packagePrices.reduce(0) { $0 + $1.minorUnits }
        let paid = payments.reduce(0) { $0 + $1.minorUnits }
        return Money(charged - paid, currency)
    }
}
