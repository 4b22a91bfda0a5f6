import AcubackCore
import AcubackServer
import AcubackServices
import AcubackStore
import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage accounts: make the first admin, list and disable users.",
        subcommands: [CreateAdmin.self, List.self, Disable.self, Enable.self])

    struct CreateAdmin: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create-admin",
            abstract: "Make an admin account; on a fresh database also the clinic. The password is read from a prompt, or from standard input when it is not a terminal.")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "The admin's email address.") var email: String
        @Option(help: "The admin's name.") var name: String = "Clinic Admin"
        @Option(name: .customLong("clinic-name"), help: "The admin's clinic: made when no clinic has this name. Without it, the only clinic (said so), or a new \"My clinic\" on an empty database.") var clinicName: String?
        @Option(name: .customLong("time-zone"), help: "The clinic's time zone when it is created, e.g. Europe/London.") var timeZone: String = TimeZone.current.identifier
        @Option(help: "Output format: text or json.") var format: OutputFormat = .text

        func run() async throws {
            let password = try Prompt.password("Password for \(email): ")
            try PasswordRule.check(password, email: email, field: "password")
            try await withServices(database) { services in
                let (user, clinic, joined) = try await services.accounts.createAdmin(
                    email: email, name: name, password: password, clinicName: clinicName, timeZone: timeZone)
                switch format {
                case .json:
                    Console.line(try JSON.string([
                        "email": user.email, "role": "admin", "clinic": clinic.name, "id": user.id.uuidString, "clinicWas": joined ? "existing" : "created",
                    ]))
                case .text:
                    // An admin sees every record of their clinic: joining one that exists is said out loud.
                    Console.line(joined
                        ? "Made admin \(user.email) for the existing clinic \(clinic.name), with access to all of its records. Sign in at /login."
                        : "Made admin \(user.email) for the new clinic \(clinic.name). Sign in at /login.")
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users, 100 at a time.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Skip this many users.") var offset = 0
        @Option(help: "Output format: text or json.") var format: OutputFormat = .text

        func run() async throws {
            try await withServices(database) { services in
                let (users, total) = try await services.accounts.allUsers(limit: 100, offset: offset)
                switch format {
                case .json:
                    struct Row: Encodable { let email, name, role: String; let disabled: Bool; let id: String }
                    struct Listing: Encodable { let total: Int; let offset: Int; let users: [Row] }
                    Console.line(try JSON.string(Listing(total: total, offset: offset, users: users.map {
                        Row(email: $0.email, name: $0.displayName, role: $0.role.rawValue, disabled: $0.isDisabled, id: $0.id.uuidString)
                    })))
                case .text:
                    Console.line(TextTable.render(
                        header: ["email", "name", "role", "status"],
                        rows: users.map { [$0.email, $0.displayName, $0.role.rawValue, $0.isDisabled ? "disabled" : "active"] }))
                    Console.line("\(users.count) of \(total) user(s)")
                }
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable a user: they are signed out and cannot sign in.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The user's email address.") var email: String

        func run() async throws { try await setDisabled(database, email: email, disabled: true) }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enable a disabled user again.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The user's email address.") var email: String

        func run() async throws { try await setDisabled(database, email: email, disabled: false) }
    }

    static func setDisabled(_ database: DatabaseOptions, email: String, disabled: Bool) async throws {
        try await withServices(database) { services in
            guard let user = try await services.accounts.setDisabled(disabled, email: email) else {
                throw CLIError("--email: no user has the address \(email)")
            }
            Console.line("\(disabled ? "Disabled" : "Enabled") \(user.email).")
        }
    }
}

/// Opens the configured database for the maintenance commands (the audit keys), runs `body`, and
/// closes it whatever happens.
func withStore(_ options: DatabaseOptions, _ body: (AcubackDatabase) async throws -> Void) async throws {
    let configuration = try AcubackConfiguration(flags: options.flags)
    let logger = ProcessLogging.bootstrap(level: max(configuration.logLevel, .warning), to: .standardError)
    try await configuration.openDatabase(logger: logger).use(body)
}

/// Opens the configured database (migrated), runs `body` with the services over it, and closes
/// it whatever happens.
func withServices(_ options: DatabaseOptions, _ body: (AppServices) async throws -> Void) async throws {
    let configuration = try AcubackConfiguration(flags: options.flags)
    let logger = ProcessLogging.bootstrap(level: max(configuration.logLevel, .warning), to: .standardError)
    try await configuration.openDatabase(logger: logger).use { store in try await body(configuration.services(over: store)) }
}

enum Prompt {
    /// Reads a password without echo from a terminal, or one line from standard input otherwise.
    static func password(_ prompt: String) throws -> String {
        if isatty(STDIN_FILENO) == 1, let pointer = getpass(prompt) {
            return String(cString: pointer)
        }
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw CLIError("password: none was given on standard input")
        }
        return line
    }
}
