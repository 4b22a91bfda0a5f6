import Foundation
import Logging
import SQLKit

/// What a backup or a restore refused to do, in words for the command line.
public struct BackupError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
}

extension AcubackDatabase {
    /// A consistent copy of a SQLite database, taken while the server keeps running: SQLite's
    /// `VACUUM INTO` reads one snapshot and writes a compact new file. PostgreSQL has pg_dump.
    public func backup(to path: String) async throws -> Int {
        guard case .sqlite = location else {
            throw BackupError(description: "backups of PostgreSQL are taken with pg_dump (see the README), not by Acuback")
        }
        guard !FileManager.default.fileExists(atPath: path) else {
            throw BackupError(description: "\(path) already exists; back up into a new file")
        }
        try SQLiteFileCheck.verifyUsable(path: path)
        try await sql.raw("VACUUM INTO \(bind: path)").run()
        // The entries are checked with the keys that signed them: a backup takes their copy along.
        if let auditKeyFile, FileManager.default.fileExists(atPath: auditKeyFile) {
            try AuditKeyring.merge(from: auditKeyFile, into: AcubackDatabase.auditKeyFile(besideSQLite: path))
        }
        return (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }

    /// Puts a backup in place of the SQLite database at `location`, after checking that the
    /// backup is whole (SQLite's integrity check) and is an Acuback database whose migrations
    /// this version knows. The server must be stopped; the old file is kept beside it.
    /// The backup's audit keys join the target's key file (`auditKeyFile`, else the one beside it).
    public static func restore(
        from backup: String, to location: DatabaseLocation, auditKeyFile: String? = nil, logger: Logger
    ) async throws -> MigrationStatus {
        guard case .sqlite(let target) = location else {
            throw BackupError(description: "restore PostgreSQL with pg_restore or psql (see the README)")
        }
        let files = FileManager.default
        guard files.fileExists(atPath: backup) else { throw BackupError(description: "\(backup) does not exist") }
        // Checked on a copy, so the backup itself is never opened for writing.
        let staged = target + ".restoring"
        for suffix in ["", "-wal", "-shm"] { try? files.removeItem(atPath: staged + suffix) }
        try files.copyItem(atPath: backup, toPath: staged)
        let probe: AcubackDatabase
        do {
            probe = try await AcubackDatabase.open(.sqlite(path: staged), logger: logger)
        } catch {
            for suffix in ["", "-wal", "-shm"] { try? files.removeItem(atPath: staged + suffix) }
            throw BackupError(description: "\(backup) cannot be opened as a SQLite database: \(error)")
        }
        let status: MigrationStatus
        do {
            let check = try await probe.sql.raw("PRAGMA integrity_check").all().first.map { try $0.decode(column: "integrity_check", as: String.self) }
            guard check == "ok" else {
                throw BackupError(description: "\(backup) fails SQLite's integrity check: \(check ?? "no answer")")
            }
            status = try await probe.migrationStatus()
            guard !status.applied.isEmpty else { throw BackupError(description: "\(backup) is not an Acuback database") }
            guard Set(status.applied).isSubset(of: Set(status.known)) else {
                throw BackupError(description: "\(backup) was made by a newer Acuback (unknown migrations); restore it with that version")
            }
        } catch {
            await probe.close()
            for suffix in ["", "-wal", "-shm"] { try? files.removeItem(atPath: staged + suffix) }
            throw error
        }
        // Closing checkpoints the copy's write-ahead log into the file itself.
        await probe.close()
        for suffix in ["-wal", "-shm"] { try? files.removeItem(atPath: staged + suffix) }
        if files.fileExists(atPath: target) {
            let kept = target + ".before-restore"
            try? files.removeItem(atPath: kept)
            try files.moveItem(atPath: target, toPath: kept)
        }
        for suffix in ["-wal", "-shm"] { try? files.removeItem(atPath: target + suffix) }
        try files.moveItem(atPath: staged, toPath: target)
        let backupKeys = AcubackDatabase.auditKeyFile(besideSQLite: backup)
        if files.fileExists(atPath: backupKeys) {
            try AuditKeyring.merge(from: backupKeys, into: auditKeyFile ?? AcubackDatabase.auditKeyFile(besideSQLite: target))
        }
        return status
    }
}
