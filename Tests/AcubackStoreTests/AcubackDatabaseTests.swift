import FluentKit
import Foundation
import SQLKit
import Testing

@testable import AcubackStore
import AcubackTestSupport

@Suite struct AcubackDatabaseTests {
    @Test(arguments: TestBackend.available)
    func migratingAppliesEveryMigrationInOrderOnce(backend: TestBackend) async throws {
        try await withTestDatabase(backend, migrated: false) { store in
            let before = try await store.migrationStatus()
            #expect(before.applied.isEmpty)
            #expect(!before.isCurrent)
            let applied = try await store.migrate()
            #expect(applied == AcubackMigrations.all.map(\.name))
            #expect(applied.first == "001_create_clinics")
            #expect(try await store.migrationStatus().isCurrent)
            #expect(try await store.migrate().isEmpty)
        }
    }

    @Test(arguments: TestBackend.available)
    func revertingUndoesTheLastBatchAndDropsItsTables(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let reverted = try await store.revert()
            #expect(Set(reverted) == Set(AcubackMigrations.all.map(\.name)))
            let status = try await store.migrationStatus()
            #expect(status.applied.isEmpty)
            await #expect(throws: (any Error).self) { try await ClinicModel.query(on: try store.fluent).count() }
            try await store.migrate()
            #expect(try await ClinicModel.query(on: try store.fluent).count() == 0)
        }
    }

    @Test func sqliteRunsInWALModeWithForeignKeysAndFullSync() async throws {
        try await withTestDatabase(.sqlite) { store in
            let mode = try await store.sql.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self)
            #expect(mode == "wal")
            let keys = try await store.sql.raw("PRAGMA foreign_keys").first()?.decode(column: "foreign_keys", as: Int.self)
            #expect(keys == 1)
            let sync = try await store.sql.raw("PRAGMA synchronous").first()?.decode(column: "synchronous", as: Int.self)
            #expect(sync == 2)
        }
    }

    @Test func sqliteReadersSeeEveryCommitAndCannotWrite() async throws {
        try await withTestDatabase(.sqlite) { store in
            let clinic = try await AccountStore(store).createClinic(name: "C", slug: "c-readers", timeZone: "UTC")
            // Several reads at once, on the reader connections, while the writer commits.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for number in 0..<6 {
                    group.addTask { _ = try await ClinicStore(store).addRoom(clinicID: clinic.id, name: "Room \(number)") }
                    group.addTask { _ = try await ClinicModel.find(clinic.id, on: try store.reader) }
                }
                try await group.waitForAll()
            }
            #expect(try await RoomModel.query(on: try store.reader).count() == 6)
            await #expect(throws: (any Error).self) {
                try await store.readSQL.raw("UPDATE clinics SET name = 'changed'").run()
            }
            #expect(try await ClinicModel.find(clinic.id, on: try store.fluent)?.name == "C")
        }
    }

    @Test(arguments: TestBackend.available)
    func foreignKeysAreEnforced(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let orphan = RoomModel(clinicID: UUID(), name: "Room 9")
            await #expect(throws: (any Error).self) { try await orphan.create(on: try store.fluent) }
            let rooms = try await RoomModel.query(on: try store.fluent).count()
            #expect(rooms == 0)
        }
    }

    @Test func anUnusableSQLitePathIsRefusedAndNothingIsCreated() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("acuback-missing-\(UUID().uuidString)")
        let path = folder.appendingPathComponent("sub/acuback.sqlite").path
        await #expect {
            _ = try await AcubackDatabase.open(.sqlite(path: path), logger: testLogger)
        } throws: { error in
            "\(error)".contains("does not exist") && "\(error)".contains(path)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }

    @Test func aFolderIsNotADatabaseFile() async throws {
        let folder = FileManager.default.temporaryDirectory.path
        await #expect {
            _ = try await AcubackDatabase.open(.sqlite(path: folder), logger: testLogger)
        } throws: { error in
            "\(error)".contains("is a folder")
        }
    }

    @Test func anUnreachablePostgresServerIsReportedPlainly() async throws {
        // Port 1 on loopback refuses connections at once.
        await #expect {
            _ = try await AcubackDatabase.open(.postgres(url: "postgres://u:secret@127.0.0.1:1/acuback"), logger: testLogger)
        } throws: { error in
            let text = "\(error)"
            return text.contains("cannot reach the database") && !text.contains("secret")
        }
    }
}
