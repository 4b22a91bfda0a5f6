import Testing

@testable import AcubackStore

@Suite struct DatabaseLocationTests {
    @Test(arguments: [
        ("sqlite:///var/lib/acuback/acuback.sqlite", "/var/lib/acuback/acuback.sqlite"),
        ("sqlite://./acuback.sqlite", "./acuback.sqlite"),
        ("sqlite://data/clinic.sqlite", "data/clinic.sqlite"),
        ("sqlite:clinic.sqlite", "clinic.sqlite"),
        ("SQLITE:///tmp/x.sqlite", "/tmp/x.sqlite"),
    ])
    func sqliteURLsNameAFile(url: String, path: String) throws {
        #expect(try DatabaseLocation(url: url) == .sqlite(path: path))
    }

    @Test func theDefaultIsAFileInTheWorkingFolder() throws {
        #expect(try DatabaseLocation(url: DatabaseLocation.defaultURL) == .sqlite(path: "./acuback.sqlite"))
    }

    @Test(arguments: ["postgres://u:p@db:5432/acuback", "postgresql://u@localhost/acuback?sslmode=disable"])
    func postgresURLsAreKeptWhole(url: String) throws {
        #expect(try DatabaseLocation(url: url) == .postgres(url: url))
    }

    @Test(arguments: [
        ("mysql://u:p@h/db", "unknown scheme 'mysql'"),
        ("/var/lib/acuback.sqlite", "no scheme"),
        ("sqlite://", "path is empty"),
        ("postgres:///acuback", "needs a host"),
        ("postgres://u:p@db:5432", "database name"),
        ("postgres://db:5432/acuback", "user name"),
    ])
    func badURLsAreRefusedWithTheReason(url: String, reason: String) {
        #expect {
            try DatabaseLocation(url: url)
        } throws: { error in
            "\(error)".contains(reason) && "\(error)".contains("ACUBACK_DATABASE_URL")
        }
    }

    @Test func printedPostgresURLsHideThePassword() throws {
        let location = try DatabaseLocation(url: "postgres://clinic:s3cret@db:5432/acuback")
        #expect(location.description == "postgres://clinic:***@db:5432/acuback")
        #expect(!location.description.contains("s3cret"))
    }

    @Test func errorsAboutABadPostgresURLHideThePasswordToo() {
        let error = StoreError.invalidDatabaseURL("postgres://clinic:s3cret@db/acuback", reason: "x")
        #expect(!error.description.contains("s3cret"))
    }
}
