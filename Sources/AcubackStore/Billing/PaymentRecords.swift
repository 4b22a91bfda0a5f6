import AcubackCore
import Foundation

public struct PaymentRecord: Sendable, Equatable {
    public let id: UUID
    public let clinicID: UUID
    public let patientID: UUID
    public let sessionID: UUID?
    public let packageID: UUID?
    public let amount: Money
    public let method: PaymentMethod
    public let note: String
    public let receivedAt: Date
    public let receivedBy: UUID?
    /// The receipt's number, printed on it: "R-" and the first twelve hex digits of the id.
    public let receipt: String
}

public struct PackageRecord: Sendable, Equatable {
    public let id: UUID
    public let clinicID: UUID
    public let patientID: UUID
    public let package: PrepaidPackage
    public let soldAt: Date
    public let cancelledAt: Date?
    /// The sessions paid from it, in the order drawn.
    public let drawnSessions: [UUID]

    public var used: Int { drawnSessions.count }
    public var left: Int { max(0, package.sessions - used) }
}

/// A payment to record, with who took it.
public struct NewPaymentRecord: Sendable {
    public let clinicID: UUID
    public let patientID: UUID
    public let payment: NewPayment
    public let receivedAt: Date
    public let receivedBy: UUID?

    public init(clinicID: UUID, patientID: UUID, payment: NewPayment, receivedAt: Date, receivedBy: UUID?) {
        self.clinicID = clinicID
        self.patientID = patientID
        self.payment = payment
        self.receivedAt = receivedAt
        self.receivedBy = receivedBy
    }
}

extension PaymentModel {
    var record: PaymentRecord {
        PaymentRecord(
            id: id!, clinicID: clinicID, patientID: patientID, sessionID: sessionID, packageID: packageID, amount: Money(amount, currency),
            method: method, note: note, receivedAt: receivedAt, receivedBy: receivedBy, receipt: receipt)
    }

    /// Twelve hex digits of a random id: 48 bits, so a clash is not to be expected in any clinic's lifetime.
    static func receiptNumber(for id: UUID) -> String { "R-" + id.uuidString.replacingOccurrences(of: "-", with: "").prefix(12) }
}

extension PackageModel {
    func record(draws: [UUID]) -> PackageRecord {
        PackageRecord(
            id: id!, clinicID: clinicID, patientID: patientID,
            package: PrepaidPackage(name: name, sessions: sessions, price: Money(price, currency), expires: CalendarDay(expires) ?? CalendarDay(soldAt, in: .gmt)),
            soldAt: soldAt, cancelledAt: cancelledAt, drawnSessions: draws)
    }
}
