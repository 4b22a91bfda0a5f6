import AcubackCore
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
            metadata: [
                "kind": .string(message.kind), "channel": .string(message.channel.rawValue), "to": .string(message.recipient),
                "subject": .string(message.subject),
            ])
        // The body carries one-time links; it is printed only for the log sender, on purpose.
        logger.notice("\(message.body)")
    }
}

/// Why a sender could not deliver a message. A refusal of the message itself (a 4xx other than
/// 429 from an SMS gateway: a bad number, a bad token) is not retried; anything else is.
public enum DeliveryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The gateway refused this message; sending it again would be refused again.
    case refused(status: Int, detail: String)
    /// The gateway failed or asked us to wait (5xx, 429), or could not be reached in time.
    case unavailable(detail: String)

    public var isPermanent: Bool {
        if case .refused = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .refused(let status, let detail): "the gateway refused the message (HTTP \(status)): \(detail)"
        case .unavailable(let detail): "the gateway is unavailable: \(detail)"
        }
    }
}

/// Sends each message by its channel: e-mails through one sender, text messages through another.
public struct ChannelRouter: MessageSender {
    public let email: any MessageSender
    public let sms: any MessageSender

    public init(email: any MessageSender, sms: any MessageSender) {
        self.email = email
        self.sms = sms
    }

    public func send(_ message: OutboxMessage) async throws {
        switch message.channel {
        case .email: try await email.send(message)
        case .sms: try await sms.send(message)
        }
    }
}
