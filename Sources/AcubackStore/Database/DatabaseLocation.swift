import Foundation

/// Where the records live, parsed from `ACUBACK_DATABASE_URL`.
///
/// `sqlite://PATH` names a file (`sqlite:///abs/path.sqlite`, `sqlite://./acuback.sqlite`);
/// `postgres://user:pass@host:port/db` names a PostgreSQL database.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(url: String)

    public static let defaultURL = "sqlite://./acuback.sqlite"

    public init(url: String) throws(StoreError) {
        let trimmed = url.trimmingCharacters(in: .whitespaces)
        guard let colon = trimmed.firstIndex(of: ":") else {
            throw .invalidDatabaseURL(url, reason: "it has no scheme; use sqlite://PATH or postgres://user:pass@host:port/db")
        }
        let scheme = trimmed[..<colon].lowercased()
        switch scheme {
        case "sqlite":
            var path = String(trimmed[trimmed.index(after: colon)...])
            if path.hasPrefix("//") { path.removeFirst(2) }
            guard !path.isEmpty else {
                throw .invalidDatabaseURL(url, reason: "the SQLite file path is empty")
            }
            self = .sqlite(path: path)
        case "postgres", "postgresql":
            guard let parsed = URL(string: trimmed), let host = parsed.host, !host.isEmpty else {
                throw .invalidDatabaseURL(url, reason: "a PostgreSQL URL needs a host, as in postgres://user:pass@host:5432/db")
            }
            guard let user = parsed.user, !user.isEmpty else {
                throw .invalidDatabaseURL(url, reason: "a PostgreSQL URL needs a user name, as in postgres://user:pass@host:5432/db")
            }
            guard parsed.path.count > 1 else {
                throw .invalidDatabaseURL(url, reason: "a PostgreSQL URL needs a database name after the host")
            }
            self = .postgres(url: trimmed)
        default:
            throw .invalidDatabaseURL(url, reason: "unknown scheme '\(scheme)'; use sqlite://PATH or postgres://user:pass@host:port/db")
        }
    }

    public var driverName: String {
        switch self {
        case .sqlite: "sqlite"
        case .postgres: "postgres"
        }
    }

    /// A form safe to print: the password of a PostgreSQL URL is masked.
    public var description: String {
        switch self {
        case .sqlite(let path):
            return "sqlite://\(path)"
        case .postgres(let url):
            guard var parts = URLComponents(string: url) else { return "postgres://…" }
            if parts.password != nil { parts.password = "***" }
            return parts.string ?? "postgres://…"
        }
    }
}
