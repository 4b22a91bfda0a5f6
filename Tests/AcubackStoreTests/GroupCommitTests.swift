import AcubackCore
import FluentKit
import Foundation
import Testing

@testable import AcubackStore
import AcubackTestSupport

/// SQLite's changes commit in groups: those waiting share one transaction, each in its own savepoint.
@Suite struct GroupCommitTests {
    struct Refused: Error, Equatable {
        let index: Int
    }

    func entry(_ clinic: UUID, _ index: Int) -> AuditEntry {
        AuditEntry(
            clinicID: clinic, actorUserID: UUID(), actorRole: "admin", action: "clinic.settings", recordType: "clinic",
            recordID: "\(index)", clientAddress: "10.0.0.1")
    }

    /// Changes made at once: a clinic row and its audit event each, `refused` of them failing after their insert.
    func changeAtOnce(_ store: AcubackDatabase, _ count: Int, refused: Set<Int> = []) async -> [Int: Result<Void, any Error>] {
        let trail = UUID()
        return await withTaskGroup(of: (Int, Result<Void, any Error>).self) { group in
            for index in 0..<count {
                group.addTask {
                    do {
                        try await store.change(entry(trail, index), at: Date()) { db in
                            try await ClinicModel(name: "Clinic \(index)", slug: "clinic-\(index)", timeZone: "UTC").create(on: db)
                            if refused.contains(index) { throw Refused(index: index) }
                            return ((), recordID: nil)
                        }
                        return (index, .success(()))
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            var results: [Int: Result<Void, any Error>] = [:]
            for await (index, result) in group { results[index] = result }
            return results
        }
    }

    @Test func changesMadeAtOnceShareCommitsAndEveryOneLands() async throws {
        try await withTestDatabase(.sqlite) { store in
            let writer = try #require(store.groupCommit)
            let before = writer.counts
            let results = await changeAtOnce(store, 60)
            #expect(results.values.allSatisfy { (try? $0.get()) != nil })
            #expect(try await ClinicModel.query(on: store.fluent).count() == 60)
            let after = writer.counts
            #expect(after.changes - before.changes == 60)
            #expect(after.batches - before.batches < 60, "changes waiting while one commits share the next commit")
            let reports = try await AuditTrail(store).verify()
            #expect(reports.count == 1 && reports.allSatisfy { $0.isIntact && $0.events == 60 })
        }
    }

    @Test func aChangeThatFailsIsRolledBackAloneAndAnsweredWithItsOwnError() async throws {
        try await withTestDatabase(.sqlite) { store in
            let refused: Set<Int> = [0, 7, 13, 19]
            let results = await changeAtOnce(store, 20, refused: refused)
            for (index, result) in results {
                if refused.contains(index) {
                    #expect(throws: Refused(index: index)) { try result.get() }
                } else {
                    #expect((try? result.get()) != nil, "change \(index)")
                }
            }
            let names = Set(try await ClinicModel.query(on: store.fluent).all().map(\.name))
            #expect(names == Set((0..<20).filter { !refused.contains($0) }.map { "Clinic \($0)" }))
            let reports = try await AuditTrail(store).verify()
            #expect(reports.count == 1 && reports.allSatisfy { $0.isIntact && $0.events == 16 })
        }
    }

    /// A constraint broken inside one change (the same slug twice) leaves the batch's other changes standing.
    @Test func aConstraintBrokenInOneChangeLeavesTheOthers() async throws {
        try await withTestDatabase(.sqlite) { store in
            try await store.change(nil, at: Date()) { db in
                try await ClinicModel(name: "First", slug: "clinic-3", timeZone: "UTC").create(on: db)
                return ((), recordID: nil)
            }
            let results = await changeAtOnce(store, 8)
            #expect(results.filter { (try? $0.value.get()) == nil }.map(\.key) == [3])
            #expect(try await ClinicModel.query(on: store.fluent).count() == 8)
        }
    }
}
