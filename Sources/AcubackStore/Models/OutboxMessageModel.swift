import AcubackCore
import FluentKit
import Foundation

/// A message waiting to be sent (password reset links, reminders). Written in the same
/// transaction as the change that causes it; any instance may claim and send it.
final class OutboxMessageModel: Model, @unchecked Sendable {
    static let schema = "outbox_messages"

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: String
    @Field(key: "recipient") var recipient: String
    @Field(key: "subject") var subject: String
    @Field(key: "body") var body: String
    @Field(key: "status") var status: String
    @Field(key: "attempts") var attempts: Int
    @Field(key: "available_at") var availableAt: Date
    @OptionalField(key: "claimed_until") var claimedUntil: Date?
    /// Set by the instance that claimed the message; lets it check that the claim was its own.
    @OptionalField(key: "claim_token") var claimToken: String?
    @OptionalField(key: "sent_at") var sentAt: Date?
    @OptionalField(key: "last_error") var lastError: String?
    @Field(key: "created_at") var createdAt: Date
    /// The record the message is about (an appointment, for reminders), so it can be withdrawn.
    @OptionalField(key: "related_id") var relatedID: UUID?
    /// E-mail to `recipient` as an address, or a text message to it as a telephone number.
    @Field(key: "channel") var channel: MessageChannel

    init() {}
}
