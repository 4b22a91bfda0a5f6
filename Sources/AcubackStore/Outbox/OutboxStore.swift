import AcubackCore
import FluentKit
import Foundation

/// A message to send, before it is queued.
public struct OutboxDraft: Sendable, Equatable {
    public var kind: String
    public var recipient: String
    public var subject: String
    public var body: String
    public var availableAt: Date?
    /// E-mail unless said: `recipient` is then an address; for `.sms` a telephone number.
    public var channel: MessageChannel

    public init(kind: String, recipient: String, subject: String, body: String, availableAt: Date? = nil, channel: MessageChannel = .email) {
        self.kind = kind
        self.recipient = recipient
        self.subject = subject
        self.body = body
        self.availableAt = availableAt
        self.channel = channel
    }
}

public struct OutboxMessage: Sendable, Equatable {
    public let id: UUID
    public let kind: String
    public let recipient: String
    public let subject: String
    public let body: String
    public let status: String
    public let attempts: Int
    public let sentAt: Date?
    public let lastError: String?
    public var channel: MessageChannel = .email
    /// What the message is about (the appointment of a reminder), when anything.
    public var relatedID: UUID?
    /// When it is (or was) due to be sent.
    public var availableAt: Date?

    public init(
        id: UUID, kind: String, recipient: String, subject: String, body: String, status: String = "pending", attempts: Int = 1,
        sentAt: Date? = nil, lastError: String? = nil, channel: MessageChannel = .email, relatedID: UUID? = nil, availableAt: Date? = nil
    ) {
        self.id = id
        self.kind = kind
        self.recipient = recipient
        self.subject = subject
        self.body = body
        self.status = status
        self.attempts = attempts
        self.sentAt = sentAt
        self.lastError = lastError
        self.channel = channel
        self.relatedID = relatedID
        self.availableAt = availableAt
    }
}

/// The outbox of messages: queued in the same transaction as the change that causes them, and
/// claimed by whichever instance gets there first, so several servers can share one database.
public struct OutboxStore: Sendable {
    let store: AcubackDatabase
    public static let maxAttempts = 5

    public init(_ store: AcubackDatabase) {
        self.store = store
    }

    public func enqueue(_ draft: OutboxDraft, now: Date = Date()) async throws {
        try await Self.enqueue(draft, on: store.fluent, now: now)
    }

    static func enqueue(_ draft: OutboxDraft, on db: any Database, now: Date, relatedID: UUID? = nil) async throws {
        let message = OutboxMessageModel()
        message.relatedID = relatedID
        message.channel = draft.channel
        message.kind = draft.kind
        message.recipient = draft.recipient
        message.subject = draft.subject
        message.body = draft.body
        message.status = "pending"
        message.attempts = 0
        message.availableAt = draft.availableAt ?? now
        message.createdAt = now
        try await message.create(on: db)
    }

    /// Claims the oldest message due for sending for `lease` seconds, or nil when none is due.
    public func claimNext(now: Date, lease: TimeInterval = 60) async throws -> OutboxMessage? {
        let db = try store.fluent
        for _ in 0..<3 {
            let due = OutboxMessageModel.query(on: db)
                .filter(\.$status == "pending").filter(\.$availableAt <= now)
                .group(.or) { $0.filter(\.$claimedUntil == nil).filter(\.$claimedUntil < now) }
            guard let candidate = try await due.sort(\.$availableAt).first(), let id = candidate.id else { return nil }
            let token = UUID().uuidString
            try await OutboxMessageModel.query(on: db).filter(\.$id == id).filter(\.$status == "pending")
                .group(.or) { $0.filter(\.$claimedUntil == nil).filter(\.$claimedUntil < now) }
                .set(\.$claimedUntil, to: now.addingTimeInterval(lease)).set(\.$claimToken, to: token)
                .set(\.$attempts, to: candidate.attempts + 1)
                .update()
            // Another instance may have claimed it between the read and the update.
            if let claimed = try await OutboxMessageModel.find(id, on: db), claimed.claimToken == token {
                return claimed.message
            }
        }
        return nil
    }

    public func markSent(id: UUID, at: Date) async throws {
        try await OutboxMessageModel.query(on: store.fluent).filter(\.$id == id)
            .set(\.$status, to: "sent").set(\.$sentAt, to: at).set(\.$claimedUntil, to: nil).update()
    }

    /// Records a failed send; it is retried later, and given up after `maxAttempts`, or at once
    /// when `permanent` (the gateway refused the message itself: trying again cannot help).
    public func markFailed(id: UUID, error: String, retryAt: Date, permanent: Bool = false) async throws {
        let db = try store.fluent
        guard let message = try await OutboxMessageModel.find(id, on: db) else { return }
        message.lastError = String(error.prefix(500))
        message.claimedUntil = nil
        message.availableAt = retryAt
        if permanent || message.attempts >= Self.maxAttempts { message.status = "failed" }
        try await message.save(on: db)
    }

    /// Messages for a recipient, newest first (for tests and the admin's view of what was sent).
    public func messages(to recipient: String) async throws -> [OutboxMessage] {
        try await OutboxMessageModel.query(on: store.reader).filter(\.$recipient == recipient)
            .sort(\.$createdAt, .descending).all().map(\.message)
    }

    /// Messages about one record (an appointment's reminders), oldest first.
    public func messages(relatedTo id: UUID) async throws -> [OutboxMessage] {
        try await OutboxMessageModel.query(on: store.reader).filter(\.$relatedID == id).sort(\.$createdAt).all().map(\.message)
    }

    public func pendingCount() async throws -> Int {
        try await OutboxMessageModel.query(on: store.reader).filter(\.$status == "pending").count()
    }
}

extension OutboxMessageModel {
    var message: OutboxMessage {
        OutboxMessage(
            id: id!, kind: kind, recipient: recipient, subject: subject, body: body, status: status, attempts: attempts,
            sentAt: sentAt, lastError: lastError, channel: channel, relatedID: relatedID, availableAt: availableAt)
    }
}
