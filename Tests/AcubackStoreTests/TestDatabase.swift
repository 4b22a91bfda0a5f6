import Foundation
import Logging
import Testing

@testable import AcubackStore

/// The databases the store's integration tests run on: SQLite always, PostgreSQL when
/// ACUBACK_TEST_POSTGRES_URL names a server the tests may create databases on.
enum TestBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["ACUBACK_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static var available: [TestBackend] {
        postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    var testDescription: String { rawValue }
}

let testLogger: Logger = {
    var logger = Logger(label: "acuback-test")
    logger.logLevel = .critical
    return logger
}()

/// Runs `body` against a brand-new database of `backend` and removes it afterwards.
func withTestDatabase(
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
        let adminURL = try #require(TestBackend.postgresURL)
        let admin = try await AcubackDatabase.open(try DatabaseLocation(url: adminURL), logger: testLogger)
        let name = "acuback_test_\(UUID().uuidString.prefix(8).lowercased())"
        try await admin.sql.raw("CREATE DATABASE \(unsafeRaw: name)").run()
        var parts = try #require(URLComponents(string: adminURL))
        parts.path = "/\(name)"
        do {
            let store = try await AcubackDatabase.open(.postgres(url: try #require(parts.string)), logger: testLogger)
            try await run(store, migrated: migrated, body)
        } catch {
            try? await admin.sql.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name)").run()
            await admin.close()
            throw error
        }
        try await admin.sql.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name)").run()
        await admin.close()
    }
}

private func run(_ store: AcubackDatabase, migrated: Bool, _ body: (AcubackDatabase) async throws -> Void) async throws {
    do {
        if migrated { try await store.migrate() }
        try await body(store)
    } catch {
        await store.close()
        throw error
    }
    await store.close()
}
