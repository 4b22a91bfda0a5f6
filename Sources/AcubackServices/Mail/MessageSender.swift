import AcubackStore
import Logging

/// Delivers one outbox message.
public protocol MessageSender: Sendable {
    func send(_ message: OutboxMessage) async throws
}

/// The default sender: writes each message to the log, so a clinic without a mail server (or a
/// developer) still sees the reset links and reminders.
public struct LogMessageSender: MessageSender {
    public let logger: Logger

    public init(logger: Logger) { self.logger = logger }

    public func send(_ message: OutboxMessage) async throws {
        logger.notice(
            "outbox message",
            metadata: ["kind": .string(message.kind), "to": .string(message.recipient), "subject": .string(message.subject)])
        // The body carries one-time links; it is printed only for the log sender, on purpose.
        logger.notice("\(message.body)")
    }
}
