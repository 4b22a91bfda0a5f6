import AcubackCore
import FluentKit
import Foundation
import SQLKit

/// Offers of freed times: made with their mail and audit event in one transaction, taken once
/// through a claim that only one request can win, passed on when their window closes.
extension WaitlistStore {
    /// Stores `new` with its mail and event inside the caller's transaction, when the entry is
    /// still waiting and holds no other open offer; false (and nothing stored) otherwise.
    @discardableResult
    static func insert(_ new: NewWaitlistOffer, keys: AuditKeyring, now: Date, on db: any Database) async throws -> Bool {
        guard let entry = try await WaitlistEntryModel.find(new.entryID, on: db), entry.status == .waiting,
              try await WaitlistOfferModel.query(on: db).filter(\.$entryID == new.entryID).filter(\.$status == .open).count() == 0
        else { return false }
        let offer = WaitlistOfferModel()
        offer.id = UUID()
        offer.entryID = new.entryID
        offer.clinicID = new.clinicID
        offer.patientID = new.patientID
        offer.practitionerID = new.freed.practitionerID
        offer.kind = new.kind
        offer.startsAt = new.freed.start
        offer.freedMinutes = new.freed.minutes
        offer.freedByPatientID = new.freedByPatientID
        offer.tokenHash = new.tokenHash
        offer.status = .open
        offer.offeredAt = now
        offer.expiresAt = new.expiresAt
        try await offer.create(on: db)
        if let message = new.message { try await OutboxStore.enqueue(message, on: db, now: now, relatedID: offer.id) }
        try await new.audit.append(recordID: offer.id!.uuidString, keys: keys, at: now, on: db)
        return true
    }

    /// Makes one offer in a transaction of its own (the next patient, after an offer expired).
    @discardableResult
    public func offer(_ new: NewWaitlistOffer, now: Date) async throws -> Bool {
        let keys = try await store.auditKeyring()
        return try await store.transaction { db in try await Self.insert(new, keys: keys, now: now, on: db) }
    }

    public func offer(tokenHash: String) async throws -> WaitlistOfferRecord? {
        guard let model = try await WaitlistOfferModel.query(on: store.reader).filter(\.$tokenHash == tokenHash).first() else { return nil }
        return try await named([model.record]).first
    }

    /// Open offers of the clinic (or one patient), soonest time first, with names.
    public func openOffers(clinicID: UUID, patientID: UUID? = nil) async throws -> [WaitlistOfferRecord] {
        let query = WaitlistOfferModel.query(on: try store.reader).filter(\.$clinicID == clinicID).filter(\.$status == .open)
        if let patientID { query.filter(\.$patientID == patientID) }
        return try await named(query.sort(\.$startsAt).all().map(\.record))
    }

    /// Every entry already offered the time starting at `start` with `practitionerID`, and every
    /// entry holding an open offer now: neither is asked again for it.
    public func entriesNotToAsk(clinicID: UUID, practitionerID: UUID, start: Date) async throws -> Set<UUID> {
        let offers = try await WaitlistOfferModel.query(on: store.reader).filter(\.$clinicID == clinicID)
            .group(.or) { group in
                group.filter(\.$status == .open)
                group.group(.and) { $0.filter(\.$practitionerID == practitionerID).filter(\.$startsAt == start) }
            }.all()
        return Set(offers.map(\.entryID))
    }

    /// Claims an open, unexpired offer for booking: only one request can, however many arrive
    /// at once. Nil when it is taken, expired, withdrawn or unknown.
    public func claim(tokenHash: String, now: Date) async throws -> WaitlistOfferRecord? {
        let claimed: UUID? = try await store.transaction { db in
            let sql = db as! any SQLDatabase
            let row = try await sql.raw("""
                UPDATE \(ident: WaitlistOfferModel.schema) SET status = \(bind: WaitlistOfferStatus.taken.rawValue), answered_at = \(bind: now)
                WHERE token_hash = \(bind: tokenHash) AND status = \(bind: WaitlistOfferStatus.open.rawValue) AND expires_at > \(bind: now)
                RETURNING id
                """).first()
            return try row?.decode(column: "id", as: UUID.self)
        }
        guard let claimed else { return nil }
        return try await WaitlistOfferModel.find(claimed, on: store.fluent)?.record
    }

    /// Passes on a claimed offer whose booking was refused (the time went meanwhile, or a rule of
    /// the patient's own stood in the way): it counts as expired, and the next patient is asked.
    public func passOn(offerID: UUID, now: Date) async throws {
        try await store.transaction { db in
            try await WaitlistOfferModel.query(on: db).filter(\.$id == offerID).filter(\.$status == .taken).filter(\.$appointmentID == nil)
                .set(\.$status, to: .expired).set(\.$answeredAt, to: now).update()
        }
    }

    /// Records the booking a claimed offer made: the entry is booked, any other offer it held is withdrawn.
    public func complete(offerID: UUID, entryID: UUID, appointmentID: UUID, now: Date) async throws {
        try await store.transaction { db in
            try await WaitlistOfferModel.query(on: db).filter(\.$id == offerID).set(\.$appointmentID, to: appointmentID).update()
            try await WaitlistEntryModel.query(on: db).filter(\.$id == entryID).filter(\.$status == .waiting)
                .set(\.$status, to: .booked).set(\.$closedAt, to: now).update()
            try await WaitlistOfferModel.query(on: db).filter(\.$entryID == entryID).filter(\.$status == .open)
                .set(\.$status, to: .withdrawn).set(\.$answeredAt, to: now).update()
        }
    }

    /// Marks every open offer whose window has closed as expired, and answers them, so the
    /// caller can ask the next patient. Each is marked by whichever instance gets there first.
    public func expire(now: Date) async throws -> [WaitlistOfferRecord] {
        let due = try await WaitlistOfferModel.query(on: store.reader).filter(\.$status == .open).filter(\.$expiresAt <= now).all()
        var expired: [WaitlistOfferRecord] = []
        for offer in due {
            let won: Bool = try await store.transaction { db in
                let sql = db as! any SQLDatabase
                return try await sql.raw("""
                    UPDATE \(ident: WaitlistOfferModel.schema) SET status = \(bind: WaitlistOfferStatus.expired.rawValue), answered_at = \(bind: now)
                    WHERE id = \(bind: offer.id!) AND status = \(bind: WaitlistOfferStatus.open.rawValue)
                    RETURNING id
                    """).first() != nil
            }
            if won { expired.append(offer.record) }
        }
        return expired
    }

    static func withdrawOffers(entryID: UUID, now: Date, on db: any Database) async throws {
        try await WaitlistOfferModel.query(on: db).filter(\.$entryID == entryID).filter(\.$status == .open)
            .set(\.$status, to: .withdrawn).set(\.$answeredAt, to: now).update()
    }

    func named(_ records: [WaitlistOfferRecord]) async throws -> [WaitlistOfferRecord] {
        let names = try await Self.names(patients: Set(records.map(\.patientID)), practitioners: Set(records.map(\.practitionerID)), on: store.reader)
        return records.map { record in
            var named = record
            named.patientName = names.patients[record.patientID] ?? ""
            named.practitionerName = names.practitioners[record.practitionerID] ?? ""
            return named
        }
    }
}
