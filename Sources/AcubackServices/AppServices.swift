import AcubackCore
import AcubackStore
import Foundation

/// The repositories and settings the routes share, built once per application.
public struct AppServices: Sendable {
    public let database: AcubackDatabase
    public let accounts: AccountStore
    public let patients: PatientStore
    public let audit: AuditTrail
    public let outbox: OutboxStore
    public let publicAddress: PublicAddress
    public var publicURL: String { publicAddress.url }
    public var now: @Sendable () -> Date = { Date() }

    public init(database: AcubackDatabase, publicAddress: PublicAddress) {
        self.database = database
        self.accounts = AccountStore(database)
        self.patients = PatientStore(database)
        self.audit = AuditTrail(database)
        self.outbox = OutboxStore(database)
        self.publicAddress = publicAddress
    }

    /// The audit event of a change, to be stored in the change's own transaction.
    public func entry(
        _ action: String, by actor: Actor?, clinicID: UUID, patientID: UUID? = nil, recordType: String, recordID: String? = nil,
        from address: String?
    ) -> AuditEntry {
        AuditEntry(
            clinicID: clinicID, actorUserID: actor?.userID, actorRole: actor?.role.rawValue ?? "anonymous", action: action,
            patientID: patientID, recordType: recordType, recordID: recordID, clientAddress: address)
    }

    /// Records who read or changed a patient's data. Every such route calls this.
    public func record(
        _ action: String, by actor: Actor?, clinicID: UUID, patientID: UUID? = nil, recordType: String,
        recordID: String? = nil, from address: String?
    ) async throws {
        try await audit.append(
            entry(action, by: actor, clinicID: clinicID, patientID: patientID, recordType: recordType, recordID: recordID, from: address),
            at: now())
    }
}
