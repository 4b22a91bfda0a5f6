import AcubackCore
import FluentKit
import Foundation

final class AuditEventModel: Model, @unchecked Sendable {
    static let schema = "audit_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "clinic_id") var clinicID: UUID
    @Field(key: "sequence") var sequence: Int
    @Field(key: "at") var at: Date
    @OptionalField(key: "actor_user_id") var actorUserID: UUID?
    @Field(key: "actor_role") var actorRole: String
    @Field(key: "action") var action: String
    @OptionalField(key: "patient_id") var patientID: UUID?
    @Field(key: "record_type") var recordType: String
    @OptionalField(key: "record_id") var recordID: String?
    @OptionalField(key: "client_address") var clientAddress: String?
    @Field(key: "previous_hash") var previousHash: String
    @Field(key: "hash") var hash: String
    @OptionalField(key: "key_id") var keyID: String?

    init() {}

    convenience init(_ event: AuditEvent) {
        self.init()
        clinicID = event.clinicID
        sequence = event.sequence
        at = event.at
        actorUserID = event.actorUserID
        actorRole = event.actorRole
        action = event.action
        patientID = event.patientID
        recordType = event.recordType
        recordID = event.recordID
        clientAddress = event.clientAddress
        previousHash = event.previousHash
        hash = event.hash
        keyID = event.keyID
    }

    var event: AuditEvent {
        AuditEvent(
            clinicID: clinicID, sequence: sequence, at: at, actorUserID: actorUserID, actorRole: actorRole,
            action: action, patientID: patientID, recordType: recordType, recordID: recordID,
            clientAddress: clientAddress, previousHash: previousHash, hash: hash, keyID: keyID)
    }
}

/// The end of each clinic's chain; updating it takes the row lock that orders concurrent appends.
final class AuditChainHeadModel: Model, @unchecked Sendable {
    static let schema = "audit_chain_heads"

    /// The clinic's id.
    @ID(key: .id) var id: UUID?
    @Field(key: "sequence") var sequence: Int
    @Field(key: "hash") var hash: String

    init() {}
}
