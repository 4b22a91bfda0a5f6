import AcubackServer
import AcubackServices
import AcubackStore
import ArgumentParser
import Foundation
import Logging

/// Loads the demo clinic, and with --scale adds generated patients with finished courses so the
/// outcomes dashboard can be tried at size.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Load the demo clinic; with --scale N, add N generated patients with courses, sessions and measures.",
        discussion: """
            Generated patients each have a finished GERAC course (10 sessions with check-ins, measures at the baseline, \
            the interim review and the end, and two reviews); one generated practitioner treats every 250 patients. \
            Outcomes repeat every five patients: responder, responder, partial, non-responder, responder.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: "How many generated patients to add (1 to 1000000).")
    var scale: Int?

    func validate() throws {
        if let scale, !(1...1_000_000).contains(scale) { throw ValidationError("--scale must be from 1 to 1000000") }
    }

    func run() async throws {
        let configuration = try AcubackConfiguration(flags: database.flags)
        let logger = ProcessLogging.bootstrap(level: max(configuration.logLevel, .warning), to: .standardError)
        let store = try await configuration.openDatabase(logger: logger)
        do {
            _ = try await store.migrate()
            if let scale {
                let started = Date()
                let isTerminal = isatty(STDERR_FILENO) == 1
                _ = try await DemoClinicLoader(store: store, hashPassword: PasswordHasher.hash).load()
                let generated = try await DemoClinic.generate(into: store, patients: scale, hashPassword: PasswordHasher.hash) { done, total in
                    // One line that updates in place on a terminal; a line per step in a log.
                    let line = "Generated \(done) of \(total) patients (\(done * 100 / max(total, 1)) %)"
                    FileHandle.standardError.write(Data((isTerminal ? "\r" + line : line + "\n").utf8))
                }
                if isatty(STDERR_FILENO) == 1 { Console.error("") }
                let seconds = Date().timeIntervalSince(started)
                Console.line(
                    "Added \(generated.patients) patients, \(generated.practitioners) practitioner(s), \(generated.courses) courses and "
                        + "\(generated.sessions) sessions to '\(DemoClinic.name)' in \(String(format: "%.1f", seconds)) s.")
            } else {
                switch try await DemoClinicLoader(store: store, hashPassword: PasswordHasher.hash).load() {
                case .loaded: Console.line("Loaded the demo clinic '\(DemoClinic.name)'.")
                case .alreadyLoaded: Console.line("The demo clinic '\(DemoClinic.name)' is already loaded.")
                }
            }
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    }
}
