/// Why the store could not do what was asked, worded for the person running the server.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case invalidDatabaseURL(String, reason: String)
    case sqliteNotUsable(path: String, reason: String)
    case databaseUnreachable(location: String, reason: String)
    case databaseHoldsData(location: String)
    case missingPlanDocument(digest: String)
    /// A record a change was made to is gone (deleted while the change ran).
    case missingRecord(String)
    /// The audit chain's key file cannot be read, made or trusted.
    case auditKeyUnusable(path: String, reason: String)
    /// A PostgreSQL database has no file beside it for the audit key: one must be named.
    case auditKeyNotConfigured

    public var description: String {
        switch self {
        case .invalidDatabaseURL(let url, let reason):
            "ACUBACK_DATABASE_URL '\(Self.masked(url))' is not usable: \(reason)"
        case .sqliteNotUsable(let path, let reason):
            "cannot use the SQLite file \(path): \(reason)"
        case .databaseUnreachable(let location, let reason):
            "cannot reach the database \(location): \(reason)"
        case .databaseHoldsData(let location):
            "the database \(location) already holds clinic data; the demo clinic is only loaded into an empty database (point --database-url at a new file)"
        case .missingPlanDocument(let digest):
            "a plan or session points at the stored plan \(digest), which is not in the database; restore it from a backup"
        case .missingRecord(let what):
            "the \(what) is no longer in the database"
        case .auditKeyUnusable(let path, let reason):
            "cannot use the audit key file \(path): \(reason)"
        case .auditKeyNotConfigured:
            "PostgreSQL needs ACUBACK_AUDIT_KEY_FILE (--audit-key-file): the file with the key that signs the audit chain, the same file for every instance (it is created with a new key if missing)"
        }
    }

    private static func masked(_ url: String) -> String {
        (try? DatabaseLocation(url: url))?.description ?? url
    }
}
