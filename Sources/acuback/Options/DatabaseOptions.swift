import AcubackServer
import AcubackServices
import ArgumentParser

/// Options every command that opens the database shares.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("database-url"), help: ArgumentHelp(
        "Database: sqlite://PATH or postgres://user:pass@host:port/db (env ACUBACK_DATABASE_URL; default sqlite://./acuback.sqlite).",
        valueName: "url"))
    var databaseURL: String?

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical (env ACUBACK_LOG_LEVEL).")
    var logLevel: String?

    @Option(name: .customLong("audit-key-file"), help: ArgumentHelp(
        "The file with the keys that sign the audit chain (env ACUBACK_AUDIT_KEY_FILE; default: beside the SQLite file; required for PostgreSQL).",
        valueName: "path"))
    var auditKeyFile: String?

    var flags: [String: String] {
        var flags: [String: String] = [:]
        if let auditKeyFile { flags[AcubackConfiguration.Key.auditKeyFile] = auditKeyFile }
        if let databaseURL { flags[AcubackConfiguration.Key.databaseURL] = databaseURL }
        if let logLevel { flags[AcubackConfiguration.Key.logLevel] = logLevel }
        return flags
    }
}

/// How a command prints what it did.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
