import AcubackServer
import AcubackServices
import AcubackStore
import ArgumentParser
import Foundation
import Logging

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply pending database migrations, or revert the last batch with --revert.")

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "Revert the last batch of migrations instead of applying.")
    var revert = false

    @Flag(help: "With --revert: revert every batch (drops all Acuback tables).")
    var all = false

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        if all && !revert { throw ValidationError("--all only applies together with --revert") }
    }

    func run() async throws {
        let configuration = try AcubackConfiguration(flags: database.flags)
        let logger = ProcessLogging.bootstrap(level: max(configuration.logLevel, .warning), to: .standardError)
        let store = try await configuration.openDatabase(logger: logger)
        let names: [String]
        let status: MigrationStatus
        do {
            names = revert ? try await store.revert(all: all) : try await store.migrate()
            status = try await store.migrationStatus()
        } catch {
            await store.close()
            throw error
        }
        await store.close()
        let action = revert ? "reverted" : "applied"
        switch format {
        case .json:
            let report: [String: Any] = [
                action: names, "pending": status.pending, "current": status.isCurrent,
                "database": store.location.description,
            ]
            let data = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys, .prettyPrinted])
            Console.line(String(decoding: data, as: UTF8.self))
        case .text:
            if names.isEmpty {
                Console.line(revert ? "Nothing to revert." : "The schema is current (\(status.known.count) migrations).")
            } else {
                Console.line("\(action.capitalized) \(names.count) migration(s) on \(store.location):")
                names.forEach { Console.line("  \($0)") }
            }
        }
    }
}
