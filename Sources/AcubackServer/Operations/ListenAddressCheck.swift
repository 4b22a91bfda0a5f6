import AcubackServices
import NIOCore
import NIOPosix

/// Fails fast, before the database is touched, when the port cannot be listened on.
public enum ListenAddressCheck {
    public static func verify(host: String, port: Int) async throws(ServeError) {
        guard port != 0 else { return }
        do {
            let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .bind(host: host, port: port).get()
            try await channel.close()
        } catch {
            throw ServeError.cannotListen(host: host, port: port, reason: Self.reason(for: error))
        }
    }

    /// A bind failure that slipped past the early check (another process took the port meanwhile).
    public static func bindFailure(_ error: any Error, host: String, port: Int) -> ServeError? {
        guard let error = error as? IOError, error.errnoCode == 98 else { return nil }
        return .cannotListen(host: host, port: port, reason: reason(for: error))
    }

    public static func reason(for error: any Error) -> String {
        if let error = error as? IOError {
            switch error.errnoCode {
            case 98: return "the address is already in use (is another acuback running?)"
            case 13: return "permission denied (ports below 1024 need privileges)"
            case 99: return "the address is not available on this machine"
            default: return "\(error)"
            }
        }
        return "\(error)"
    }
}

public enum ServeError: Error, CustomStringConvertible {
    case cannotListen(host: String, port: Int, reason: String)

    public var description: String {
        switch self {
        case .cannotListen(let host, let port, let reason): "cannot listen on \(host):\(port): \(reason)"
        }
    }
}
