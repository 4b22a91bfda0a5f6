import HummingbirdBcrypt
import NIOPosix

/// The one place passwords are hashed and checked (bcrypt).
public enum PasswordHasher {
    /// Cost 12 keeps a guess at roughly a quarter of a second on a server core.
    public static let cost: UInt8 = 12

    public static func hash(_ password: String) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    public static func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }

    /// bcrypt takes a quarter of a second: on the thread pool, the event loops keep answering.
    public static func verifyOffTheEventLoop(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }
}
