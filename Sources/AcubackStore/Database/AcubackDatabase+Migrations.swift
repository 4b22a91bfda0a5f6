import FluentKit
import SQLKit

/// Where the schema stands against the migrations this build knows.
public struct MigrationStatus: Sendable, Equatable {
    public var applied: [String]
    public var known: [String]
    public var pending: [String] { known.filter { !applied.contains($0) } }
    public var isCurrent: Bool { pending.isEmpty }
}

extension AcubackDatabase {
    private func migrator() -> Migrator {
        let migrations = Migrations()
        migrations.add(AcubackMigrations.all)
        return Migrator(databases: databases, migrations: migrations, logger: logger, on: databases.eventLoopGroup.any())
    }

    /// Applies every pending migration in one batch and returns their names.
    @discardableResult
    public func migrate() async throws -> [String] {
        let migrator = migrator()
        try await migrator.setupIfNeeded().get()
        let pending = try await migrator.previewPrepareBatch().get().map(\.0.name)
        try await migrator.prepareBatch().get()
        return pending
    }

    /// Reverts the last batch of migrations (or all of them) and returns the names reverted.
    @discardableResult
    public func revert(all: Bool = false) async throws -> [String] {
        let migrator = migrator()
        try await migrator.setupIfNeeded().get()
        if all {
            let names = try await migrator.previewRevertAllBatches().get().map(\.0.name)
            try await migrator.revertAllBatches().get()
            return names
        }
        let names = try await migrator.previewRevertLastBatch().get().map(\.0.name)
        try await migrator.revertLastBatch().get()
        return names
    }

    public func migrationStatus() async throws -> MigrationStatus {
        let known = AcubackMigrations.all.map(\.name)
        let tableExists: Bool
        switch location {
        case .sqlite:
            tableExists = try await sql.raw("SELECT name FROM sqlite_master WHERE type='table' AND name='_fluent_migrations'").first() != nil
        case .postgres:
            tableExists = try await sql.raw("SELECT to_regclass('_fluent_migrations') IS NOT NULL AS present").first()?
                .decode(column: "present", as: Bool.self) ?? false
        }
        guard tableExists else { return MigrationStatus(applied: [], known: known) }
        let applied = try await sql.raw("SELECT name FROM _fluent_migrations").all()
            .map { try $0.decode(column: "name", as: String.self) }
        return MigrationStatus(applied: known.filter(applied.contains), known: known)
    }
}

extension AcubackDatabase {
    /// Migrates, runs `body`, and closes the database whatever happens.
    public func use(migrating: Bool = true, _ body: (AcubackDatabase) async throws -> Void) async throws {
        do {
            if migrating { _ = try await migrate() }
            try await body(self)
        } catch {
            await close()
            throw error
        }
        await close()
    }
}
