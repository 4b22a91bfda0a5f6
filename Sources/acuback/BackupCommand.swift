import AcubackServer
import AcubackServices
import AcubackStore
import ArgumentParser
import Foundation
import Logging

/// `acuback backup --to FILE`: a consistent copy of the SQLite database while it is in use.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the SQLite database into a new file, consistently, while the server keeps running.",
        discussion: "For PostgreSQL use pg_dump; the README shows how.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "The new file to write.") var to: String

    func run() async throws {
        let size = try await ExportCommand.withStore(database) { store, _ in try await store.backup(to: to) }
        Console.line("Backed up to \(to) (\(size / 1024) KiB), with the keys that verify its audit trail in \(to).audit-key.")
    }
}

/// `acuback restore --from FILE`: puts a backup in place of the SQLite database.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the SQLite database with a backup, after checking it. Stop the server first; the old file is kept as FILE.before-restore.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "The backup to restore.") var from: String

    func run() async throws {
        let configuration = try AcubackConfiguration(flags: database.flags)
        let logger = ProcessLogging.bootstrap(level: max(configuration.logLevel, .warning), to: .standardError)
        let location = try DatabaseLocation(url: configuration.databaseURL)
        let status = try await AcubackDatabase.restore(from: from, to: location, auditKeyFile: configuration.auditKeyFile, logger: logger)
        Console.line("Restored \(from) into \(location) (\(status.applied.count) migrations; \(status.pending.count) to apply when the server starts).")
    }
}
