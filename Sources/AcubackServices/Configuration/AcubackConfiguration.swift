import AcubackStore
import Configuration
import Foundation
import Logging

/// How one `acuback` process is set up. Each value comes from a command-line flag, else the
/// environment (`ACUBACK_HOST`, `ACUBACK_PORT`, `ACUBACK_DATABASE_URL`, `ACUBACK_AUDIT_KEY_FILE`…), else the default.
public struct AcubackConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var databaseURL: String
    public var logLevel: Logger.Level
    /// The address people reach the server at, for links in messages; defaults to http://host:port.
    public var publicURL: String?
    /// An SMTP relay for outgoing mail; without one, messages go to the log.
    public var smtpURL: String?
    public var mailFrom: String
    /// An SMS gateway's HTTP endpoint and its bearer token; without them, text messages go to the log.
    public var smsURL: String?
    public var smsToken: String?
    /// The file with the keys that sign the audit chain; nil keeps it beside a SQLite database.
    public var auditKeyFile: String?
    /// The bearer token a Prometheus scraper sends for `/metrics`; without one the endpoint is off.
    public var metricsToken: String?
    /// Pages drawn with every catalogue text marked `⟦…⟧`, so that a test crawling them sees any
    /// text that is not in the catalogues (`ACUBACK_PSEUDO_LOCALE=1`).
    public var pseudoLocale = false

    public static let defaultHost = "127.0.0.1"
    public static let defaultPort = 8080

    public init(
        host: String = defaultHost, port: Int = defaultPort, databaseURL: String = DatabaseLocation.defaultURL,
        logLevel: Logger.Level = .info, publicURL: String? = nil, smtpURL: String? = nil,
        mailFrom: String = "acuback@localhost"
    ) {
        self.host = host
        self.port = port
        self.databaseURL = databaseURL
        self.logLevel = logLevel
        self.publicURL = publicURL
        self.smtpURL = smtpURL
        self.mailFrom = mailFrom
    }

    /// The public address, for links: the configured one, else this server's own.
    public func publicAddress(port actualPort: Int? = nil) -> String {
        if let publicURL { return publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL }
        return "http://\(host):\(actualPort ?? port)"
    }

    /// The configuration keys, named as the environment variables they map to.
    public enum Key {
        public static let host = "acuback.host"
        public static let port = "acuback.port"
        public static let databaseURL = "acuback.database.url"
        public static let logLevel = "acuback.log.level"
        public static let publicURL = "acuback.public.url"
        public static let smtpURL = "acuback.smtp.url"
        public static let mailFrom = "acuback.mail.from"
        public static let smsURL = "acuback.sms.url"
        public static let smsToken = "acuback.sms.token"
        public static let auditKeyFile = "acuback.audit.key.file"
        public static let metricsToken = "acuback.metrics.token"
        public static let pseudoLocale = "acuback.pseudo.locale"
    }

    /// Resolves flags over the environment over defaults.
    /// - Parameter flags: the values given on the command line, by configuration key.
    public init(flags: [String: String], environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let reader = ConfigReader(providers: [
            InMemoryProvider(
                name: "command line",
                values: Dictionary(uniqueKeysWithValues: flags.map { (AbsoluteConfigKey(ConfigKey($0.key)), ConfigValue(.string($0.value), isSecret: false)) })),
            EnvironmentVariablesProvider(environmentVariables: environment),
        ])
        try self.init(reader: reader)
    }

    public init(reader: ConfigReader) throws {
        self.init()
        host = reader.string(forKey: ConfigKey(Key.host), default: Self.defaultHost)
        let portText = reader.string(forKey: ConfigKey(Key.port), default: String(Self.defaultPort))
        guard let port = Int(portText), (0...65_535).contains(port) else {
            throw ConfigurationError.invalid(
                name: "ACUBACK_PORT (--port)", value: portText, rule: "a whole number from 0 to 65535")
        }
        self.port = port
        databaseURL = reader.string(forKey: ConfigKey(Key.databaseURL), default: DatabaseLocation.defaultURL)
        let level = reader.string(forKey: ConfigKey(Key.logLevel), default: "info")
        guard let logLevel = Logger.Level(rawValue: level.lowercased()) else {
            throw ConfigurationError.invalid(
                name: "ACUBACK_LOG_LEVEL (--log-level)", value: level,
                rule: "one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.logLevel = logLevel
        publicURL = reader.string(forKey: ConfigKey(Key.publicURL))
        smtpURL = reader.string(forKey: ConfigKey(Key.smtpURL), isSecret: true)
        mailFrom = reader.string(forKey: ConfigKey(Key.mailFrom), default: "acuback@localhost")
        smsURL = reader.string(forKey: ConfigKey(Key.smsURL)).flatMap { $0.isEmpty ? nil : $0 }
        smsToken = reader.string(forKey: ConfigKey(Key.smsToken), isSecret: true).flatMap { $0.isEmpty ? nil : $0 }
        if let smsURL {
            guard URL(string: smsURL)?.scheme.map({ ["http", "https"].contains($0) }) == true else {
                throw ConfigurationError.invalid(name: "ACUBACK_SMS_URL", value: smsURL, rule: "an http or https address such as https://sms.example/v1/messages")
            }
            guard smsToken != nil else {
                throw ConfigurationError.invalid(name: "ACUBACK_SMS_TOKEN", value: "", rule: "the gateway's API token, given whenever ACUBACK_SMS_URL is")
            }
        }
        auditKeyFile = reader.string(forKey: ConfigKey(Key.auditKeyFile)).flatMap { $0.isEmpty ? nil : $0 }
        pseudoLocale = reader.string(forKey: ConfigKey(Key.pseudoLocale)) == "1"
        metricsToken = reader.string(forKey: ConfigKey(Key.metricsToken), isSecret: true).flatMap { $0.isEmpty ? nil : $0 }
        if let metricsToken, metricsToken.count < 16 {
            throw ConfigurationError.invalid(name: "ACUBACK_METRICS_TOKEN", value: "(hidden)", rule: "at least 16 characters")
        }
        if let publicURL, URL(string: publicURL)?.scheme.map({ ["http", "https"].contains($0) }) != true {
            throw ConfigurationError.invalid(name: "ACUBACK_PUBLIC_URL", value: publicURL, rule: "an http or https address such as https://clinic.example")
        }
    }
}

public enum ConfigurationError: Error, CustomStringConvertible, Equatable {
    case invalid(name: String, value: String, rule: String)

    public var description: String {
        switch self {
        case .invalid(let name, let value, let rule): "\(name) '\(value)' is not valid: it must be \(rule)"
        }
    }
}

extension AcubackConfiguration {
    /// Opens the configured database with the configured audit key file.
    public func openDatabase(logger: Logger) async throws -> AcubackDatabase {
        try await AcubackDatabase.open(try DatabaseLocation(url: databaseURL), logger: logger, auditKeyFile: auditKeyFile)
    }

    /// The services over an open, migrated database, with links in messages to this server's
    /// public address and the rules reading the time from `clock`.
    public func services(over store: AcubackDatabase, clock: @escaping @Sendable () -> Date = { Date() }) -> AppServices {
        var services = AppServices(
            database: store, publicAddress: PublicAddress(configured: publicURL.map { _ in publicAddress() }, fallback: publicAddress()))
        services.now = clock
        return services
    }
}
