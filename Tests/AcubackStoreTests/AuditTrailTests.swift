import AcubackCore
import FluentKit
import Foundation
import SQLKit
import Testing

@testable import AcubackStore
import AcubackTestSupport

@Suite struct AuditTrailTests {
    func entry(_ clinic: UUID, _ index: Int) -> AuditEntry {
        AuditEntry(
            clinicID: clinic, actorUserID: UUID(), actorRole: "practitioner", action: "patient.read", patientID: UUID(),
            recordType: "patient", recordID: "\(index)", clientAddress: "10.0.0.\(index % 250)")
    }

    @Test(arguments: TestBackend.available)
    func appendsFormAnIntactChainPerClinic(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let trail = AuditTrail(store)
            let a = UUID()
            let b = UUID()
            for index in 0..<5 {
                try await trail.append(entry(a, index))
                try await trail.append(entry(b, index))
            }
            let reports = try await trail.verify()
            #expect(reports.count == 2)
            #expect(reports.allSatisfy { $0.isIntact && $0.events == 5 })
            let found = try await trail.search(.init(clinicID: a))
            #expect(found.total == 5)
            #expect(found.items.map(\.sequence) == [5, 4, 3, 2, 1])
        }
    }

    @Test(arguments: TestBackend.available)
    func concurrentAppendsNeverForkTheChain(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let trail = AuditTrail(store)
            let clinic = UUID()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<40 { group.addTask { try await trail.append(entry(clinic, index)) } }
                try await group.waitForAll()
            }
            let reports = try await trail.verify(clinicID: clinic)
            #expect(reports.first?.isIntact == true)
            #expect(reports.first?.events == 40)
        }
    }

    @Test(arguments: TestBackend.available)
    func theDatabaseRefusesToChangeOrDeleteAnEvent(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            try await AuditTrail(store).append(entry(UUID(), 1))
            await #expect(throws: (any Error).self) { try await store.sql.raw("UPDATE audit_events SET action = 'x'").run() }
            await #expect(throws: (any Error).self) { try await store.sql.raw("DELETE FROM audit_events").run() }
        }
    }

    @Test(arguments: TestBackend.available)
    func aTamperedRowIsDetectedEvenAroundTheTriggers(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let trail = AuditTrail(store)
            let clinic = UUID()
            for index in 0..<6 { try await trail.append(entry(clinic, index)) }
            try await Self.dropTriggers(store)
            try await store.sql.raw("UPDATE audit_events SET client_address = '203.0.113.9' WHERE sequence = 3").run()
            let report = try #require(try await trail.verify(clinicID: clinic).first)
            #expect(report.brokenAt == 3)
        }
    }

    @Test(arguments: TestBackend.available)
    func aDeletedRowIsDetected(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let trail = AuditTrail(store)
            let clinic = UUID()
            for index in 0..<6 { try await trail.append(entry(clinic, index)) }
            try await Self.dropTriggers(store)
            try await store.sql.raw("DELETE FROM audit_events WHERE sequence = 6").run()
            let report = try #require(try await trail.verify(clinicID: clinic).first)
            #expect(!report.isIntact)
        }
    }

    /// What someone with direct database access could do to hide a change.
    static func dropTriggers(_ store: AcubackDatabase) async throws {
        if store.location.driverName == "sqlite" {
            try await store.sql.raw("DROP TRIGGER audit_events_no_update").run()
            try await store.sql.raw("DROP TRIGGER audit_events_no_delete").run()
        } else {
            try await store.sql.raw("DROP TRIGGER audit_events_append_only ON audit_events").run()
        }
    }
}
