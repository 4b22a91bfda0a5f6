import AcubackCore
import FluentKit
import Foundation
import SQLKit
import Testing

@testable import AcubackStore
import AcubackTestSupport

@Suite struct AuditKeyringTests {
    func entry(_ clinic: UUID, _ index: Int) -> AuditEntry {
        AuditEntry(
            clinicID: clinic, actorUserID: UUID(), actorRole: "reception", action: "patient.read", patientID: UUID(),
            recordType: "patient", recordID: "\(index)", clientAddress: "10.0.0.\(index)")
    }

    func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("acuback-keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Someone with write access to the database, but not the key, rewrites entry 2 and recomputes
    /// the plain SHA-256 of every entry from the first, and the head: before the chain was keyed,
    /// `audit verify` called that intact.
    @Test(arguments: TestBackend.available)
    func aChainRebuiltFromTheDatabaseAloneIsFound(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let trail = AuditTrail(store)
            let clinic = UUID()
            for index in 0..<4 { try await trail.append(entry(clinic, index)) }
            try await AuditTrailTests.dropTriggers(store)
            try await store.sql.raw("UPDATE audit_events SET client_address = '198.51.100.7' WHERE sequence = 2").run()
            var previous = AuditEvent.genesisHash
            for var event in try await trail.search(.init(clinicID: clinic), limit: 10).items.reversed() {
                event.previousHash = previous
                event.keyID = nil
                event.hash = event.canonicalText.sha256Hex
                try await store.sql.raw("""
                    UPDATE audit_events SET previous_hash = \(bind: event.previousHash), hash = \(bind: event.hash), key_id = NULL
                    WHERE clinic_id = \(bind: clinic) AND sequence = \(bind: event.sequence)
                    """).run()
                previous = event.hash
            }
            try await store.sql.raw("UPDATE audit_chain_heads SET hash = \(bind: previous) WHERE id = \(bind: clinic)").run()
            let report = try #require(try await trail.verify(clinicID: clinic).first)
            #expect(report.brokenAt == 1)
            #expect(report.problem?.contains("not signed") == true)
        }
    }

    /// A database from before keys: its entries stay checkable by plain hash, up to where the
    /// chain ended when the key file was made, and no further.
    @Test func entriesFromBeforeTheKeyFileAreAcceptedUpToWhereTheChainThenEnded() async throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("old.sqlite").path
        let clinic = UUID()
        try await AcubackDatabase.open(.sqlite(path: path), logger: testLogger).use { store in
            // What an older version wrote: unsigned entries, plain SHA-256.
            var previous = AuditEvent.genesisHash
            for sequence in 1...3 {
                var event = AuditEvent(
                    clinicID: clinic, sequence: sequence, at: Date(timeIntervalSince1970: 1_800_000_000), actorUserID: nil,
                    actorRole: "system", action: "clinic.create", patientID: nil, recordType: "clinic", recordID: nil,
                    clientAddress: nil, previousHash: previous)
                event.hash = event.canonicalText.sha256Hex
                try await AuditEventModel(event).create(on: store.fluent)
                previous = event.hash
            }
            try await store.sql.raw("INSERT INTO audit_chain_heads (id, sequence, hash) VALUES (\(bind: clinic), 3, \(bind: previous))").run()
        }
        try await AcubackDatabase.open(.sqlite(path: path), logger: testLogger).use { store in
            let keys = try await store.auditKeyring()
            #expect(keys.unsignedUntil == [clinic: 3])
            try await AuditTrail(store).append(entry(clinic, 4))
            let report = try #require(try await AuditTrail(store).verify(clinicID: clinic).first)
            #expect(report.isIntact && report.events == 4 && report.unkeyed == 3)
        }
    }

    @Test func aSQLiteDatabaseKeepsItsKeyBesideItReadableByItsOwnerOnly() async throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("clinic.sqlite").path
        try await AcubackDatabase.open(.sqlite(path: path), logger: testLogger).use { store in
            let event = try await AuditTrail(store).append(entry(UUID(), 1))
            let keys = try await store.auditKeyring()
            #expect(keys.file == path + ".audit-key")
            #expect(event.keyID == keys.current.id)
            #expect(event.hash == keys.hash(of: event))
            #expect(event.hash != event.canonicalText.sha256Hex)
        }
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: path + ".audit-key")[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        // The key itself is never in the database.
        let secret = try String(contentsOfFile: path + ".audit-key", encoding: .utf8).split(separator: "\n").last.map(String.init) ?? ""
        let file = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(secret.count == 64)
        #expect(file.range(of: Data(secret.utf8)) == nil)
    }

    @Test func aRotatedKeySignsNewEntriesAndTheOldOneStillVerifiesTheRest() async throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("clinic.sqlite").path
        let clinic = UUID()
        var firstKey = ""
        try await AcubackDatabase.open(.sqlite(path: path), logger: testLogger).use { store in
            for index in 0..<3 { try await AuditTrail(store).append(entry(clinic, index)) }
            firstKey = try await store.auditKeyring().current.id
        }
        let rotated = try AuditKeyring.rotate(file: path + ".audit-key")
        #expect(rotated.id != firstKey)
        try await AcubackDatabase.open(.sqlite(path: path), logger: testLogger).use { store in
            let trail = AuditTrail(store)
            let event = try await trail.append(entry(clinic, 3))
            #expect(event.keyID == rotated.id)
            let report = try #require(try await trail.verify(clinicID: clinic).first)
            #expect(report.isIntact && report.events == 4 && report.unkeyed == 0)
        }
        // Without the old key its entries cannot be checked: verify says so rather than calling them changed.
        let lines = try String(contentsOfFile: path + ".audit-key", encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
        let onlyNew = folder.appendingPathComponent("new-only.key").path
        try AuditKeyring.merge(from: path + ".audit-key", into: onlyNew)
        try (lines.suffix(1).joined() + "\n").write(toFile: onlyNew, atomically: false, encoding: .utf8)
        try await AcubackDatabase.open(.sqlite(path: path), logger: testLogger, auditKeyFile: onlyNew).use { store in
            let report = try #require(try await AuditTrail(store).verify(clinicID: clinic).first)
            #expect(report.brokenAt == 1)
            #expect(report.problem?.contains(firstKey) == true)
        }
    }

    @Test func aKeyFileOthersCanReadOrThatHoldsNoKeyIsRefused() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let open = folder.appendingPathComponent("open.key").path
        try (String(repeating: "ab", count: 32) + "\n").write(toFile: open, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: open)
        #expect(throws: StoreError.self) { try AuditKeyring.read(file: open) }
        do { _ = try AuditKeyring.read(file: open) } catch { #expect(error.description.contains("chmod 600")) }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: open)
        #expect(try AuditKeyring.read(file: open).keys.count == 1)
        let short = folder.appendingPathComponent("short.key").path
        try "abcd\n".write(toFile: short, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: short)
        do { _ = try AuditKeyring.read(file: short); Issue.record("a short key was accepted") } catch {
            #expect(error.description.contains("line 1 is neither a key of 64 hex digits"))
        }
    }

    @Test func postgreSQLWithoutANamedKeyFileCannotSign() async throws {
        guard let url = TestBackend.postgresURL else { return }
        try await AcubackDatabase.open(try DatabaseLocation(url: url), logger: testLogger, connectionsPerLoop: 1).use(migrating: false) { store in
            #expect(store.auditKeyFile == nil)
            await #expect(throws: StoreError.auditKeyNotConfigured) { _ = try await store.auditKeyring() }
        }
    }
}
