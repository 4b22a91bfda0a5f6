import Testing

@testable import AcubackServer
@testable import AcubackServices

@Suite struct AcubackConfigurationTests {
    @Test func defaultsApplyWhenNothingIsSet() throws {
        let configuration = try AcubackConfiguration(flags: [:], environment: [:])
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 8080)
        #expect(configuration.databaseURL == "sqlite://./acuback.sqlite")
    }

    @Test func theEnvironmentOverridesDefaults() throws {
        let configuration = try AcubackConfiguration(
            flags: [:],
            environment: ["ACUBACK_HOST": "0.0.0.0", "ACUBACK_PORT": "9000", "ACUBACK_DATABASE_URL": "postgres://u@h/db"])
        #expect(configuration.host == "0.0.0.0")
        #expect(configuration.port == 9000)
        #expect(configuration.databaseURL == "postgres://u@h/db")
    }

    @Test func flagsOverrideTheEnvironment() throws {
        let configuration = try AcubackConfiguration(
            flags: [AcubackConfiguration.Key.port: "9100", AcubackConfiguration.Key.databaseURL: "sqlite://x.sqlite"],
            environment: ["ACUBACK_PORT": "9000", "ACUBACK_DATABASE_URL": "postgres://u@h/db", "ACUBACK_HOST": "::1"])
        #expect(configuration.port == 9100)
        #expect(configuration.databaseURL == "sqlite://x.sqlite")
        #expect(configuration.host == "::1")
    }

    @Test(arguments: ["eighty", "-1", "65536", "80.5"])
    func aBadPortIsNamedWithItsRule(port: String) {
        #expect {
            try AcubackConfiguration(flags: [:], environment: ["ACUBACK_PORT": port])
        } throws: { error in
            "\(error)".contains("ACUBACK_PORT") && "\(error)".contains("0 to 65535")
        }
    }

    @Test func aBadLogLevelIsNamed() {
        #expect(throws: ConfigurationError.self) {
            try AcubackConfiguration(flags: [AcubackConfiguration.Key.logLevel: "loud"], environment: [:])
        }
    }
}
