import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit
import Synchronization

/// The one owner of the database connections: opens SQLite or PostgreSQL, runs the numbered
/// migrations, answers readiness, and shuts the pools down.
public final class AcubackDatabase: Sendable {
    public let location: DatabaseLocation
    public let logger: Logger
    let databases: Databases
    /// SQLite gets a group of its own with a single loop, so exactly one connection writes the file
    /// and transactions never race each other for the lock.
    private let ownedGroup: MultiThreadedEventLoopGroup?
    /// The file holding the audit chain's keys: the one named, else one beside a SQLite file.
    public let auditKeyFile: String?
    /// Read on first use, so opening a database to migrate or restore it needs no key.
    private let loadedKeys = Mutex<AuditKeyring?>(nil)
    /// SQLite's changes commit in groups through the one writer; PostgreSQL's each in their own
    /// transaction from the pool.
    let groupCommit: GroupCommit?
    /// Each clinic's settings, practitioners and rooms, as of its directory version.
    let directories = ClinicDirectoryCache()
    /// Closed sessions' needle ledgers, which never change again.
    let closedLedgers = ClosedLedgers()

    private init(
        location: DatabaseLocation, databases: Databases, ownedGroup: MultiThreadedEventLoopGroup?, logger: Logger, auditKeyFile: String?
    ) {
        self.location = location
        self.databases = databases
        self.ownedGroup = ownedGroup
        if ownedGroup != nil {
            groupCommit = GroupCommit {
                guard let database = databases.database(logger: logger, on: databases.eventLoopGroup.any()) else {
                    throw StoreError.databaseUnreachable(location: location.description, reason: "the connection pool is closed")
                }
                return database
            }
        } else {
            groupCommit = nil
        }
        self.logger = logger
        if let auditKeyFile {
            self.auditKeyFile = auditKeyFile
        } else if case .sqlite(let path) = location {
            self.auditKeyFile = Self.auditKeyFile(besideSQLite: path)
        } else {
            self.auditKeyFile = nil
        }
    }

    /// Where a SQLite database keeps its audit key when no other file is named.
    public static func auditKeyFile(besideSQLite path: String) -> String { path + ".audit-key" }

    /// The keys that sign and verify the audit chain. The file is made on first use when missing,
    /// noting where the chains of a database from before keys end.
    /// - Parameter making: false to refuse rather than make a missing file (checking needs the old keys).
    public func auditKeyring(making: Bool = true) async throws -> AuditKeyring {
        if let keys = loadedKeys.withLock({ $0 }) { return keys }
        guard let auditKeyFile else { throw StoreError.auditKeyNotConfigured }
        if !making && !FileManager.default.fileExists(atPath: auditKeyFile) {
            throw StoreError.auditKeyUnusable(path: auditKeyFile, reason: "it does not exist; name the file that signed this trail with --audit-key-file")
        }
        let keys = try await AuditKeyring.load(file: auditKeyFile) {
            // A database not yet migrated has no chains to note.
            guard let rows = try? await sql.raw("SELECT id, sequence FROM audit_chain_heads").all() else { return [:] }
            return try Dictionary(uniqueKeysWithValues: rows.map { (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "sequence", as: Int.self)) })
        }
        loadedKeys.withLock { $0 = keys }
        return keys
    }

    /// - Parameter auditKeyFile: the audit key file; nil keeps it beside a SQLite file (PostgreSQL must name one).
    public static func open(
        _ location: DatabaseLocation, logger: Logger, connectionsPerLoop: Int = 4, auditKeyFile: String? = nil
    ) async throws(StoreError) -> AcubackDatabase {
        switch location {
        case .sqlite(let path):
            try SQLiteFileCheck.verifyUsable(path: path)
            let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
            let databases = Databases(threadPool: NIOThreadPool.singleton, on: group)
            // Every request queues for the one connection; under a burst on a busy machine the
            // queue can be long, so allow more than the default 10 seconds before giving up.
            databases.use(
                .sqlite(.file(path), maxConnectionsPerEventLoop: 1, connectionPoolTimeout: .seconds(30),
                        dataEncoder: .init(), dataDecoder: .init(), sqlLogLevel: .trace),
                as: .sqlite)
            // Readers get connections of their own, opened read-only on the WAL file: a read sees
            // every acknowledged commit and never waits for the writer's transaction.
            databases.use(
                .sqlite(.file(Self.readOnlyURI(path)), maxConnectionsPerEventLoop: readerConnections, connectionPoolTimeout: .seconds(30),
                        dataEncoder: .init(), dataDecoder: .init(), sqlLogLevel: .trace),
                as: .sqliteReader, isDefault: false)
            let store = AcubackDatabase(location: location, databases: databases, ownedGroup: group, logger: logger, auditKeyFile: auditKeyFile)
            do {
                try await store.configureSQLite()
            } catch {
                await store.close()
                throw .sqliteNotUsable(path: path, reason: Self.reason(for: error))
            }
            return store
        case .postgres(let url):
            let configuration: SQLPostgresConfiguration
            do {
                configuration = try SQLPostgresConfiguration(url: url)
            } catch {
                throw .invalidDatabaseURL(url, reason: "\(error)")
            }
            do {
                // One direct connection first: a plain answer when the server is unreachable, without
                // the connection pool logging its retries.
                let probe = try await PostgresConnection.connect(
                    configuration: configuration.coreConfiguration, id: 0, logger: Logger(label: "acuback.probe"))
                try await probe.close()
            } catch {
                throw .databaseUnreachable(location: location.description, reason: Self.reason(for: error))
            }
            let databases = Databases(threadPool: NIOThreadPool.singleton, on: MultiThreadedEventLoopGroup.singleton)
            databases.use(
                .postgres(
                    configuration: configuration, maxConnectionsPerEventLoop: connectionsPerLoop,
                    connectionPoolTimeout: .seconds(10), encodingContext: .default, decodingContext: .default,
                    sqlLogLevel: .trace),
                as: .psql)
            let store = AcubackDatabase(location: location, databases: databases, ownedGroup: nil, logger: logger, auditKeyFile: auditKeyFile)
            do {
                _ = try await store.sql.raw("SELECT 1").all()
            } catch {
                await store.close()
                throw .databaseUnreachable(location: location.description, reason: Self.reason(for: error))
            }
            return store
        }
    }

    /// A database handle for one unit of work; fails once the store is closed.
    public var fluent: any Database {
        get throws(StoreError) {
            guard let database = databases.database(logger: logger, on: databases.eventLoopGroup.any()) else {
                throw .databaseUnreachable(location: location.description, reason: "the connection pool is closed")
            }
            return database
        }
    }

    var sql: any SQLDatabase {
        get throws(StoreError) { try fluent as! any SQLDatabase }
    }

    /// A handle for reads only: on SQLite one of the read-only connections, which never queue
    /// behind a commit; on PostgreSQL the one pool. Writes go through `change` or `fluent`.
    public var reader: any Database {
        get throws(StoreError) {
            let id: DatabaseID? = groupCommit == nil ? nil : .sqliteReader
            guard let database = databases.database(id, logger: logger, on: databases.eventLoopGroup.any()) else {
                throw .databaseUnreachable(location: location.description, reason: "the connection pool is closed")
            }
            return database
        }
    }

    var readSQL: any SQLDatabase {
        get throws(StoreError) { try reader as! any SQLDatabase }
    }

    /// How many read-only connections SQLite gets: one per core keeps both busy while the writer commits.
    static let readerConnections = max(2, System.coreCount)

    /// `path` as a SQLite URI that opens it read-only (characters a URI gives meaning to are escaped).
    static func readOnlyURI(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        return "file:\(path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path)?mode=ro"
    }

    public func close() async {
        await databases.shutdownAsync()
        try? await ownedGroup?.shutdownGracefully()
    }

    private func configureSQLite() async throws {
        // WAL lets readers work during a write; FULL makes each acknowledged commit survive a power cut.
        let mode = try await sql.raw("PRAGMA journal_mode=WAL").first()?.decode(column: "journal_mode", as: String.self)
        guard mode?.lowercased() == "wal" else {
            throw StoreError.sqliteNotUsable(path: location.description, reason: "the WAL journal could not be enabled")
        }
        try await sql.raw("PRAGMA synchronous=FULL").run()
        // Statistics for the query planner. Without them SQLite walked a clinic's whole diary for
        // one patient's visits (a quarter of a second at 100,000 patients). 0x10002 analyses each
        // table whose statistics are missing or stale, reading at most 1,000 rows of each index.
        try await sql.raw("PRAGMA analysis_limit=1000").run()
        try await sql.raw("PRAGMA optimize=0x10002").run()
        _ = try await sql.raw("SELECT count(*) AS n FROM sqlite_master").all()
    }

    static func reason(for error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            if let underlying = error.underlying { return reason(for: underlying) }
            return "\(error.code)"
        }
        if let error = error as? NIOConnectionError {
            if error.dnsAAAAError != nil || error.dnsAError != nil, error.connectionErrors.isEmpty {
                return "the host name \(error.host) could not be resolved"
            }
            if let first = error.connectionErrors.first { return "\(reason(for: first.error)) at \(error.host):\(error.port)" }
            return "no connection could be made to \(error.host):\(error.port)"
        }
        if let error = error as? IOError {
            switch error.errnoCode {
            case ECONNREFUSED: return "connection refused"
            case ETIMEDOUT: return "the connection timed out"
            case EHOSTUNREACH, ENETUNREACH: return "no route to the host"
            default: return "\(error)"
            }
        }
        if error is ChannelError { return "the connection failed (\(error))" }
        if let error = error as? SQLiteError { return error.message }
        if let error = error as? StoreError { return error.description }
        return String(describing: error)
    }
}

extension DatabaseID {
    /// SQLite's read-only connections, beside the default one that writes.
    static let sqliteReader = DatabaseID(string: "sqlite-reader")
}
