import Synchronization

/// The address people reach this server at, for links in messages. Configured, or else learnt
/// when the server starts listening (the port is only known then when it was 0).
public final class PublicAddress: Sendable {
    private let value: Mutex<String>
    public let isConfigured: Bool

    public init(configured: String?, fallback: String) {
        value = Mutex(configured ?? fallback)
        isConfigured = configured != nil
    }

    public var url: String { value.withLock { $0 } }

    public func learn(host: String, port: Int) {
        guard !isConfigured else { return }
        value.withLock { $0 = "http://\(host):\(port)" }
    }
}
