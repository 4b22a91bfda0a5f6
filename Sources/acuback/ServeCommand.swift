import AcubackCore
import AcubackServer
import AcubackServices
import AcubackStore
import ArgumentParser
import Foundation
import Hummingbird
import Logging
import Metrics
import Prometheus

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Migrate the database, then serve the pages and the JSON API until SIGINT or SIGTERM.")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Address to listen on (env ACUBACK_HOST; default 127.0.0.1).")
    var host: String?

    @Option(help: "Port to listen on; 0 picks a free one (env ACUBACK_PORT; default 8080).")
    var port: String?

    @Option(help: "An SMS gateway's HTTP endpoint for text messages (env ACUBACK_SMS_URL; its token only from env ACUBACK_SMS_TOKEN).")
    var smsURL: String?

    @Flag(help: "Load the demo clinic into an empty database and print its logins.")
    var demo = false

    func run() async throws {
        var flags = database.flags
        if let host { flags[AcubackConfiguration.Key.host] = host }
        if let port { flags[AcubackConfiguration.Key.port] = port }
        if let smsURL { flags[AcubackConfiguration.Key.smsURL] = smsURL }
        let configuration = try AcubackConfiguration(flags: flags)
        let logger = ProcessLogging.bootstrap(level: configuration.logLevel, to: .standardOutput)
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))

        let location = try DatabaseLocation(url: configuration.databaseURL)
        try await ListenAddressCheck.verify(host: configuration.host, port: configuration.port)
        let store = try await AcubackDatabase.open(location, logger: logger, auditKeyFile: configuration.auditKeyFile)
        // A server that cannot sign its audit trail must not start: read (or make) the key now.
        do { _ = try await store.auditKeyring() } catch {
            await store.close()
            throw error
        }
        do {
            let applied = try await store.migrate()
            if !applied.isEmpty { logger.info("applied \(applied.count) migration(s): \(applied.joined(separator: ", "))") }
            if demo { try await loadDemo(into: store, logger: logger) }
            let app = try await buildApplication(
                configuration: configuration, services: configuration.services(over: store), logger: logger, metrics: registry)
            try await app.runService()
        } catch {
            await store.close()
            if let bindError = ListenAddressCheck.bindFailure(error, host: configuration.host, port: configuration.port) {
                throw bindError
            }
            throw error
        }
        await store.close()
        logger.notice("Acuback stopped")
    }

    private func loadDemo(into store: AcubackDatabase, logger: Logger) async throws {
        switch try await DemoClinicLoader(store: store, hashPassword: PasswordHasher.hash).load() {
        case .loaded: Console.line("Loaded the demo clinic '\(DemoClinic.name)'.")
        case .alreadyLoaded: Console.line("The demo clinic '\(DemoClinic.name)' is already loaded; serving it as it is.")
        }
        Console.line("Demo logins (password for all: \(DemoClinic.logins.first?.password ?? "")):")
        for login in DemoClinic.logins {
            Console.line("  \(login.role.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0)) \(login.email)  (\(login.name))")
        }
    }
}
