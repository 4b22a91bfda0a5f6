import AcubackStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import AcubackServer

let testLogger: Logger = {
    var logger = Logger(label: "acuback-server-test")
    logger.logLevel = .warning
    return logger
}()

/// Runs `body` with a test client of an application over a fresh SQLite file.
func withTestApp(
    migrated: Bool = true, _ body: @Sendable (any TestClientProtocol, AcubackDatabase) async throws -> Void
) async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("acuback-server-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try await AcubackDatabase.open(.sqlite(path: folder.appendingPathComponent("t.sqlite").path), logger: testLogger)
    do {
        if migrated { try await store.migrate() }
        let app = try await buildApplication(configuration: .init(port: 0), store: store, logger: testLogger)
        try await app.test(.router) { client in try await body(client, store) }
    } catch {
        await store.close()
        throw error
    }
    await store.close()
}

extension ByteBuffer {
    var text: String { String(buffer: self) }

    func json() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: self)) as? [String: Any])
    }
}
