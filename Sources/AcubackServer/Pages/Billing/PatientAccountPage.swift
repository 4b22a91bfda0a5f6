import AcubackServices
import AcubackCore
import Foundation

/// The account template's values: what a patient owes, what they paid, their packages, and the
/// desk's forms.
struct PatientAccountPage: PageModel {
    struct ChargeRow: Sendable {
        let sessionId: String
        let day: String
        let charge: String
        let paid: String
        let owed: String
        let fromPackage: Bool
        let unpaid: Bool
    }

    struct PaymentRow: Sendable {
        let id: String
        let receipt: String
        let when: String
        let amount: String
        let method: String
        let note: String
        let credit: Bool
    }

    struct PackageRow: Sendable {
        let id: String
        let name: String
        let sessions: Int
        let left: Int
        let price: String
        let expires: String
        let status: String
        let active: Bool
    }

    struct Choice: Sendable {
        let value: String
        let label: String
    }

    let patientId: String
    let patientName: String
    let balance: String
    let inCredit: Bool
    let owes: Bool
    let currency: String
    let charges: [ChargeRow]
    let hasCharges: Bool
    let payments: [PaymentRow]
    let hasPayments: Bool
    let packages: [PackageRow]
    let activePackages: [Choice]
    let hasActivePackages: Bool
    let hasPackages: Bool
    let unpaidSessions: [Choice]
    let methods: [Choice]
    /// The desk's forms: shown to those who take payments, not to the patient.
    let canTakePayment: Bool
    let defaultExpiry: String
    let message: String?
    let error: String?

    init(_ statement: AccountStatement, zone: TimeZone, canTakePayment: Bool, today: CalendarDay, message: String?, error: String?) {
        patientId = statement.patient.id.uuidString
        patientName = statement.patient.name
        balance = Money(abs(statement.balance.minorUnits), statement.currency).formatted
        inCredit = statement.balance.minorUnits < 0
        owes = statement.balance.minorUnits > 0
        currency = statement.currency
        charges = statement.charges.map {
            ChargeRow(
                sessionId: $0.sessionID.uuidString, day: $0.day.description, charge: $0.charge.formatted, paid: $0.paid.formatted,
                owed: $0.owed.formatted, fromPackage: $0.fromPackage, unpaid: $0.owed.minorUnits > 0)
        }
        hasCharges = !charges.isEmpty
        payments = statement.payments.map {
            PaymentRow(
                id: $0.id.uuidString, receipt: $0.receipt, when: DisplayTime.format($0.receivedAt, in: zone), amount: $0.amount.formatted,
                method: PaymentWords.method($0.method), note: $0.note, credit: $0.method == .packageCredit)
        }
        hasPayments = !payments.isEmpty
        packages = statement.packages.map { package in
            let expired = package.package.expires < today
            return PackageRow(
                id: package.id.uuidString, name: package.package.name, sessions: package.package.sessions, left: package.left,
                price: package.package.price.formatted, expires: package.package.expires.description,
                status: package.cancelledAt != nil ? "cancelled" : expired ? "expired" : package.left == 0 ? "used up" : "active",
                active: package.cancelledAt == nil && !expired && package.left > 0)
        }
        activePackages = packages.filter(\.active).map { Choice(value: $0.id, label: "\($0.name) (\($0.left) left)") }
        hasPackages = !packages.isEmpty
        hasActivePackages = !activePackages.isEmpty
        unpaidSessions = charges.filter { $0.unpaid }.map { Choice(value: $0.sessionId, label: "Session of \($0.day): \($0.owed) owed") }
        methods = PaymentMethod.allCases.filter(\.isTakings).map { Choice(value: $0.rawValue, label: PaymentWords.method($0).capitalized) }
        self.canTakePayment = canTakePayment
        defaultExpiry = today.adding(days: 180).description
        self.message = message
        self.error = error
    }
}

/// The receipt template's values.
struct ReceiptPage: PageModel {
    let receipt: String
    let clinicName: String
    let clinicAddress: String
    let clinicPhone: String
    let patientName: String
    let when: String
    let amount: String
    let method: String
    let note: String
    let back: String
    let canEmail: Bool
    let paymentId: String
    let emailed: Bool
}

/// The day's takings for reception.
struct TakingsPage: PageModel {
    struct Row: Sendable {
        let receipt: String
        let paymentId: String
        let when: String
        let amount: String
        let method: String
    }

    struct Total: Sendable {
        let method: String
        let amount: String
    }

    let day: String
    let previous: String
    let next: String
    let rows: [Row]
    let hasRows: Bool
    let totals: [Total]
    let total: String
}
