import AcubackStore
import Foundation
import Logging
import SQLKit

/// The databases the integration tests run on (shared by the store and server test targets):
/// SQLite always, PostgreSQL when ACUBACK_TEST_POSTGRES_URL names a server the tests may create
/// databases on.
public enum TestBackend: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite, postgres

    public static var postgresURL: String? {
        ProcessInfo.processInfo.environment["ACUBACK_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    public static var available: [TestBackend] {
        postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    public var description: String { rawValue }

    /// PostgreSQL has no file to keep the audit key beside: the tests share one in the temporary folder.
    public static let postgresAuditKeyFile: String = {
        FileManager.default.temporaryDirectory.appendingPathComponent("acuback-test-audit-\(UUID().uuidString).key").path
    }()
}

public let testLogger: Logger = {
    var logger = Logger(label: "acuback-test")
    logger.logLevel = .critical
    return logger
}()

/// Runs `body` against a brand-new database of `backend` and removes it afterwards.
public func withTestDatabase(
    _ backend: TestBackend, migrated: Bool = true, _ body: (AcubackDatabase) async throws -> Void
) async throws {
    switch backend {
    case .sqlite:
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("acuback-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try await AcubackDatabase.open(.sqlite(path: folder.appendingPathComponent("t.sqlite").path), logger: testLogger)
        try await run(store, migrated: migrated, body)
    case .postgres:
        guard let adminURL = TestBackend.postgresURL else { throw ScratchDatabaseError("ACUBACK_TEST_POSTGRES_URL is not set") }
        let admin = try await AcubackDatabase.open(try DatabaseLocation(url: adminURL), logger: testLogger, connectionsPerLoop: 1)
        let name = "acuback_test_\(UUID().uuidString.prefix(8).lowercased())"
        try await admin.scratchSQL.raw("CREATE DATABASE \(unsafeRaw: name)").run()
        guard var parts = URLComponents(string: adminURL) else { throw ScratchDatabaseError("bad test URL") }
        parts.path = "/\(name)"
        do {
            // Many tests run at once: a small pool each keeps the server under its connection limit.
            let store = try await AcubackDatabase.open(
                .postgres(url: parts.string!), logger: testLogger, connectionsPerLoop: 2, auditKeyFile: TestBackend.postgresAuditKeyFile)
            try await run(store, migrated: migrated, body)
        } catch {
            try? await admin.scratchSQL.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name)").run()
            await admin.close()
            throw error
        }
        try await admin.scratchSQL.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name)").run()
        await admin.close()
    }
}

private func run(_ store: AcubackDatabase, migrated: Bool, _ body: (AcubackDatabase) async throws -> Void) async throws {
    try await store.use(migrating: migrated, body)
}

struct ScratchDatabaseError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension AcubackDatabase {
    var scratchSQL: any SQLDatabase {
        get throws { try fluent as! any SQLDatabase }
    }
}
