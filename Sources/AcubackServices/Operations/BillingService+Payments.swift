import AcubackCore
import AcubackStore
import Foundation

/// A patient's account as the desk and the patient see it.
public struct AccountStatement: Sendable {
    public let patient: PatientRecord
    public let currency: String
    public let charges: [SessionCharge]
    public let payments: [PaymentRecord]
    public let packages: [PackageRecord]
    public let balance: Money
}

/// Payments, receipts, packages and the day's takings.
extension BillingService {
    var payments: PaymentStore { PaymentStore(services.database) }

    public func statement(of patientID: UUID, by actor: Actor, from address: String?) async throws -> AccountStatement {
        let patient = try await services.patients.patient(id: patientID, for: .readBilling, by: actor)
        let settings = try await store.settings(clinicID: patient.clinicID)
        let zone = try await services.clinicStore.settings(clinicID: patient.clinicID).zone
        let (payments, packages) = try await payments.account(patientID: patient.id)
        let billed = try await billedSessions(clinicID: patient.clinicID, patientID: patient.id, zone: zone)
        let paidBySession = Dictionary(payments.compactMap { payment in payment.sessionID.map { ($0, payment.amount.minorUnits) } }, uniquingKeysWith: +)
        let drawn = Set(packages.flatMap(\.drawnSessions))
        let charges = PatientAccount.charges(billed, settings: settings, paidBySession: paidBySession, fromPackage: drawn)
        let balance = PatientAccount.balance(
            charges, payments: payments.map(\.amount), packagePrices: packages.map(\.package.price), currency: settings.currency)
        try await services.record(.paymentsRead, by: actor, clinicID: patient.clinicID, patientID: patient.id, recordType: .payment, from: address)
        return AccountStatement(
            patient: patient, currency: settings.currency, charges: charges.reversed(), payments: payments, packages: packages, balance: balance)
    }

    public func recordPayment(_ payment: NewPayment, for patientID: UUID, by actor: Actor, from address: String?) async throws -> PaymentRecord {
        let patient = try await services.patients.patient(id: patientID, for: .takePayment, by: actor)
        let settings = try await store.settings(clinicID: patient.clinicID)
        try payment.validate(currency: settings.currency)
        if let sessionID = payment.sessionID {
            guard let session = try await services.sessionStore.session(id: sessionID), session.patientID == patient.id else {
                throw ValidationError(field: "sessionId", rule: "must be a session of this patient")
            }
        }
        return try await payments.record(
            NewPaymentRecord(clinicID: patient.clinicID, patientID: patient.id, payment: payment, receivedAt: services.now(), receivedBy: actor.userID),
            audit: services.entry(.paymentRecord, by: actor, clinicID: patient.clinicID, patientID: patient.id, recordType: .payment, from: address))
    }

    public func sellPackage(
        _ package: PrepaidPackage, paidBy method: PaymentMethod, to patientID: UUID, by actor: Actor, from address: String?
    ) async throws -> (PackageRecord, PaymentRecord?) {
        let patient = try await services.patients.patient(id: patientID, for: .takePayment, by: actor)
        let settings = try await store.settings(clinicID: patient.clinicID)
        let zone = try await services.clinicStore.settings(clinicID: patient.clinicID).zone
        try package.validate(currency: settings.currency, today: CalendarDay(services.now(), in: zone))
        guard method.isTakings else { throw ValidationError(field: "method", rule: "must be cash, card or transfer") }
        return try await payments.sell(
            package, clinicID: patient.clinicID, patientID: patient.id, method: method, at: services.now(), by: actor.userID,
            audit: services.entry(.packageSell, by: actor, clinicID: patient.clinicID, patientID: patient.id, recordType: .package, from: address))
    }

    /// Pays a closed session of the package's patient from the package.
    public func draw(_ packageID: UUID, for sessionID: UUID, by actor: Actor, from address: String?) async throws -> PackageRecord {
        let package = try await ownPackage(packageID, by: actor)
        guard let session = try await services.sessionStore.session(id: sessionID), session.patientID == package.patientID else {
            throw ValidationError(field: "sessionId", rule: "must be a session of the package's patient")
        }
        guard session.closedAt != nil else { throw RuleRefusal(field: "sessionId", rule: "is still open: a package pays for a session once it is closed") }
        let zone = try await services.clinicStore.settings(clinicID: package.clinicID).zone
        do {
            return try await payments.draw(
                packageID: package.id, sessionID: session.id, today: CalendarDay(services.now(), in: zone), at: services.now(),
                audit: services.entry(
                    .packageDraw, by: actor, clinicID: package.clinicID, patientID: package.patientID, recordType: .package, recordID: package.id.uuidString,
                    from: address))
        } catch let refusal as PackageDrawError {
            throw RuleRefusal(field: refusal.field, rule: refusal.rule)
        }
    }

    /// Cancels a package: the unused sessions' share of its price is credited to the patient.
    /// `patientID`, when given, is the account the request came from: another patient's package is not found there.
    public func cancelPackage(_ packageID: UUID, of patientID: UUID? = nil, by actor: Actor, from address: String?) async throws -> (PackageRecord, PaymentRecord?) {
        let package = try await ownPackage(packageID, by: actor)
        if let patientID, package.patientID != patientID { throw NotFound(detail: "No such package") }
        do {
            return try await payments.cancel(
                packageID: package.id, at: services.now(), by: actor.userID,
                audit: services.entry(
                    .packageCancel, by: actor, clinicID: package.clinicID, patientID: package.patientID, recordType: .package,
                    recordID: package.id.uuidString, from: address))
        } catch let refusal as PackageDrawError {
            throw RuleRefusal(field: refusal.field, rule: refusal.rule)
        }
    }

    private func ownPackage(_ id: UUID, by actor: Actor) async throws -> PackageRecord {
        // Another clinic's package looks like none at all.
        guard let package = try await payments.package(id: id), package.clinicID == actor.clinicID else { throw NotFound(detail: "No such package") }
        try AccessPolicy.require(actor, .takePayment, .patient(clinicID: package.clinicID, patientID: package.patientID))
        return package
    }

    /// A payment with its patient, for its receipt.
    public func receipt(_ paymentID: UUID, by actor: Actor, from address: String?) async throws -> (PaymentRecord, PatientRecord, ClinicContact) {
        guard let payment = try await payments.payment(id: paymentID) else { throw NotFound(detail: "No such payment") }
        guard AccessPolicy.decide(actor, .readBilling, .patient(clinicID: payment.clinicID, patientID: payment.patientID)).isAllowed else {
            throw NotFound(detail: "No such payment")
        }
        let patient = try await services.patients.patient(id: payment.patientID, for: .readBilling, by: actor)
        let contact = try await services.clinicStore.settings(clinicID: payment.clinicID).contact
        try await services.record(
            .paymentReceipt, by: actor, clinicID: payment.clinicID, patientID: payment.patientID, recordType: .payment,
            recordID: payment.id.uuidString, from: address)
        return (payment, patient, contact)
    }

    /// E-mails the receipt to the patient through the outbox.
    public func emailReceipt(_ paymentID: UUID, by actor: Actor, from address: String?) async throws {
        try AccessPolicy.require(actor, .takePayment, .clinic(actor.clinicID))
        let (payment, patient, contact) = try await receipt(paymentID, by: actor, from: address)
        guard let email = patient.email, !email.isEmpty else {
            throw RuleRefusal(field: "email", rule: "the patient has no e-mail address on record")
        }
        let zone = try await services.clinicStore.settings(clinicID: payment.clinicID).zone
        try await services.outboxStore.enqueue(
            OutboxDraft(
                kind: "receipt", recipient: email, subject: "Receipt \(payment.receipt) from \(contact.displayName)",
                body: ReceiptText.body(payment, patient: patient.name, clinic: contact, zone: zone)),
            now: services.now())
    }

    /// The clinic's payments on `day` (its own time zone), by method, without credits.
    public func takings(on day: CalendarDay, by actor: Actor, from address: String?) async throws -> [PaymentRecord] {
        try AccessPolicy.require(actor, .takePayment, .clinic(actor.clinicID))
        let zone = try await services.clinicStore.settings(clinicID: actor.clinicID).zone
        let start = day.start(in: zone)
        let end = day.adding(days: 1).start(in: zone)
        let taken = try await payments.payments(clinicID: actor.clinicID, from: start, to: end).filter(\.method.isTakings)
        try await services.record(.paymentsRead, by: actor, clinicID: actor.clinicID, recordType: .payment, recordID: day.description, from: address)
        return taken
    }
}

/// A receipt in words, for the e-mail.
enum ReceiptText {
    static func body(_ payment: PaymentRecord, patient: String, clinic: ClinicContact, zone: TimeZone) -> String {
        """
        Receipt \(payment.receipt)
        \(clinic.displayName)\(clinic.address.isEmpty ? "" : "\n" + clinic.address)

        Received from \(patient) on \(DisplayTime.format(payment.receivedAt, in: zone)): \(payment.amount.formatted) by \(PaymentWords.method(payment.method)).\(payment.note.isEmpty ? "" : "\nFor: " + payment.note)

        Thank you.
        """
    }
}

/// How payment methods are named on pages and receipts.
public enum PaymentWords {
    public static func method(_ method: PaymentMethod) -> String {
        switch method {
        case .cash: "cash"
        case .card: "card"
        case .transfer: "bank transfer"
        case .packageCredit: "credit from a cancelled package"
        }
    }
}

extension BillingService {
    /// The currency the clinic bills in: not patient data, so anyone of the clinic may know it.
    public func currency(clinicID: UUID) async throws -> String {
        try await store.settings(clinicID: clinicID).currency
    }
}
