import AcubackCore
import FluentKit
import SQLKit
import Foundation

/// Payments, prepaid packages and the sessions drawn from them. Each change commits with its
/// audit event; a refused one stores nothing.
public struct PaymentStore: Sendable {
    let store: AcubackDatabase

    public init(_ store: AcubackDatabase) {
        self.store = store
    }

    public func record(_ new: NewPaymentRecord, audit: AuditEntry? = nil) async throws -> PaymentRecord {
        try await store.change(audit, at: new.receivedAt) { db in
            let model = try await Self.insert(new, packageID: nil, on: db)
            return (model.record, model.id!.uuidString)
        }
    }

    static func insert(_ new: NewPaymentRecord, packageID: UUID?, on db: any Database) async throws -> PaymentModel {
        let model = PaymentModel()
        let id = UUID()
        model.id = id
        model.clinicID = new.clinicID
        model.patientID = new.patientID
        model.sessionID = new.payment.sessionID
        model.packageID = packageID
        model.amount = new.payment.amount.minorUnits
        model.currency = new.payment.amount.currency
        model.method = new.payment.method
        model.note = new.payment.note
        model.receivedAt = new.receivedAt
        model.receivedBy = new.receivedBy
        model.receipt = PaymentModel.receiptNumber(for: id)
        try await model.create(on: db)
        return model
    }

    /// Sells a package; its price, when there is one, is paid in the same transaction.
    public func sell(
        _ package: PrepaidPackage, clinicID: UUID, patientID: UUID, method: PaymentMethod, at now: Date, by userID: UUID?, audit: AuditEntry? = nil
    ) async throws -> (PackageRecord, PaymentRecord?) {
        try await store.change(audit, at: now) { db in
            let model = PackageModel()
            model.id = UUID()
            model.clinicID = clinicID
            model.patientID = patientID
            model.name = package.name
            model.sessions = package.sessions
            model.price = package.price.minorUnits
            model.currency = package.price.currency
            model.expires = package.expires.description
            model.soldAt = now
            try await model.create(on: db)
            var payment: PaymentRecord?
            if package.price.minorUnits > 0 {
                let new = NewPaymentRecord(
                    clinicID: clinicID, patientID: patientID, payment: NewPayment(amount: package.price, method: method, note: package.name),
                    receivedAt: now, receivedBy: userID)
                payment = try await Self.insert(new, packageID: model.id, on: db).record
            }
            return ((model.record(draws: []), payment), model.id!.uuidString)
        }
    }

    /// Takes the package's row lock before anything is read: on PostgreSQL two desks drawing (or
    /// one drawing while another cancels) then wait for each other, and the second reads the first's
    /// draw; on SQLite the single writer already runs them one after the other.
    static func lock(_ packageID: UUID, on db: any Database) async throws {
        try await (db as! any SQLDatabase).raw("UPDATE packages SET sold_at = sold_at WHERE id = \(bind: packageID)").run()
    }

    /// Pays `sessionID` from the package: refused when it is used up, expired, cancelled, or the
    /// session is already paid from a package, checked under the package's lock.
    public func draw(packageID: UUID, sessionID: UUID, today: CalendarDay, at now: Date, audit: AuditEntry? = nil) async throws -> PackageRecord {
        try await store.change(audit, at: now) { db in
            try await Self.lock(packageID, on: db)
            guard let model = try await PackageModel.find(packageID, on: db) else { throw StoreNotFound() }
            let draws = try await PackageDrawModel.query(on: db).filter(\.$packageID == packageID).sort(\.$drawnAt).all().map(\.sessionID)
            let package = model.record(draws: draws)
            if model.cancelledAt != nil { throw PackageDrawError.cancelled }
            if package.package.expires < today { throw PackageDrawError.expired(package.package.expires) }
            if package.left == 0 { throw PackageDrawError.usedUp(sessions: package.package.sessions) }
            if try await PackageDrawModel.query(on: db).filter(\.$sessionID == sessionID).first() != nil { throw PackageDrawError.alreadyPaid }
            let draw = PackageDrawModel()
            draw.packageID = packageID
            draw.sessionID = sessionID
            draw.drawnAt = now
            try await draw.create(on: db)
            return (model.record(draws: draws + [sessionID]), packageID.uuidString)
        }
    }

    /// Cancels a package; the unused sessions' share of its price becomes credit on the account.
    public func cancel(packageID: UUID, at now: Date, by userID: UUID?, audit: AuditEntry? = nil) async throws -> (PackageRecord, PaymentRecord?) {
        try await store.change(audit, at: now) { db in
            try await Self.lock(packageID, on: db)
            guard let model = try await PackageModel.find(packageID, on: db) else { throw StoreNotFound() }
            guard model.cancelledAt == nil else { throw PackageDrawError.cancelled }
            let draws = try await PackageDrawModel.query(on: db).filter(\.$packageID == packageID).sort(\.$drawnAt).all().map(\.sessionID)
            model.cancelledAt = now
            try await model.save(on: db)
            let record = model.record(draws: draws)
            let refund = record.package.refund(used: record.used)
            var credit: PaymentRecord?
            if refund.minorUnits > 0 {
                let new = NewPaymentRecord(
                    clinicID: model.clinicID, patientID: model.patientID,
                    payment: NewPayment(amount: refund, method: .packageCredit, note: "Unused sessions of \(model.name)"),
                    receivedAt: now, receivedBy: userID)
                credit = try await Self.insert(new, packageID: packageID, on: db).record
            }
            return ((record, credit), packageID.uuidString)
        }
    }

    public func package(id: UUID) async throws -> PackageRecord? {
        let db = try store.reader
        guard let model = try await PackageModel.find(id, on: db) else { return nil }
        let draws = try await PackageDrawModel.query(on: db).filter(\.$packageID == id).sort(\.$drawnAt).all().map(\.sessionID)
        return model.record(draws: draws)
    }

    public func payment(id: UUID) async throws -> PaymentRecord? {
        try await PaymentModel.find(id, on: store.reader)?.record
    }

    /// A patient's payments (newest first) and packages (newest first, with their draws).
    public func account(patientID: UUID) async throws -> (payments: [PaymentRecord], packages: [PackageRecord]) {
        let db = try store.reader
        let payments = try await PaymentModel.query(on: db).filter(\.$patientID == patientID).sort(\.$receivedAt, .descending).all()
        let packages = try await PackageModel.query(on: db).filter(\.$patientID == patientID).sort(\.$soldAt, .descending).all()
        let ids = packages.compactMap(\.id)
        let draws = ids.isEmpty ? [] : try await PackageDrawModel.query(on: db).filter(\.$packageID ~~ ids).sort(\.$drawnAt).all()
        let byPackage = Dictionary(grouping: draws, by: \.packageID)
        return (payments.map(\.record), packages.map { $0.record(draws: (byPackage[$0.id!] ?? []).map(\.sessionID)) })
    }

    /// Whether the clinic has any payment or package on record.
    public func hasMoney(clinicID: UUID) async throws -> Bool {
        let db = try store.reader
        if try await PaymentModel.query(on: db).filter(\.$clinicID == clinicID).first() != nil { return true }
        return try await PackageModel.query(on: db).filter(\.$clinicID == clinicID).first() != nil
    }

    /// Payments taken by the clinic in [from, to), oldest first.
    public func payments(clinicID: UUID, from: Date, to: Date) async throws -> [PaymentRecord] {
        try await PaymentModel.query(on: store.reader).filter(\.$clinicID == clinicID)
            .filter(\.$receivedAt >= from).filter(\.$receivedAt < to).sort(\.$receivedAt).all().map(\.record)
    }
}

/// A record named in a change was not found inside its transaction.
public struct StoreNotFound: Error, Sendable {}
