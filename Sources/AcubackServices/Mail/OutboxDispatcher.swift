import AcubackStore
import Foundation
import Logging
import ServiceLifecycle

/// Sends queued messages. Runs in every instance; claims in the database make sure each message
/// goes out once even when several instances poll the same outbox.
public struct OutboxDispatcher: Service {
    public let outbox: OutboxStore
    public let sender: any MessageSender
    public let logger: Logger
    public var interval: Duration = .seconds(1)

    public init(outbox: OutboxStore, sender: any MessageSender, logger: Logger) {
        self.outbox = outbox
        self.sender = sender
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                while let message = try await outbox.claimNext(now: Date()) {
                    await deliver(message)
                }
            } catch {
                logger.warning("outbox poll failed: \(error)")
            }
            try? await Task.sleep(for: interval)
        }
    }

    public func deliver(_ message: OutboxMessage) async {
        do {
            try await sender.send(message)
            try await outbox.markSent(id: message.id, at: Date())
        } catch {
            // Back off: 30 s, 2 min, 8 min, …; the same message (and so the same idempotency key)
            // goes again, so a gateway that took it the first time does not send it twice.
            let delay = 30 * pow(4, Double(max(0, message.attempts - 1)))
            let permanent = (error as? DeliveryError)?.isPermanent ?? false
            logger.warning(
                "sending \(message.kind) by \(message.channel.rawValue) failed (attempt \(message.attempts)\(permanent ? ", not retried" : "")): \(error)",
                metadata: ["message": .string(message.id.uuidString)])
            try? await outbox.markFailed(id: message.id, error: "\(error)", retryAt: Date().addingTimeInterval(delay), permanent: permanent)
        }
    }
}
