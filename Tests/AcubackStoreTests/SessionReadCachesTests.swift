import AcubackCore
import AcubackTestSupport
import Foundation
import SQLKit
import Testing

@testable import AcubackStore

/// What the chart's reads keep in memory: decoded plans by digest, and closed sessions' ledgers.
/// Neither can go out of date: a digest names its plan's text, and a closed ledger takes no events.
@Suite struct SessionReadCachesTests {
    let tests = TreatmentSessionStoreTests()

    @Test(arguments: TestBackend.available)
    func anOpenSessionIsReadAfreshAndAClosedOneOnce(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let (fixture, session) = try await tests.started(store)
            let sessions = TreatmentSessionStore(store)
            let needle = session.plan.needles[0]
            func listed() async throws -> TreatmentSessionRecord {
                try #require(try await sessions.sessions(clinicID: fixture.clinic.id, patientID: fixture.patient.id).first)
            }
            #expect(try await listed().chair.ledger.inCount == 0)
            _ = try await sessions.record(tests.insertion(needle, at: 1), sessionID: session.id, by: tests.practitionerUser)
            #expect(try await listed().chair.ledger.inCount == 1, "an open session's ledger is not kept")
            #expect(store.closedLedgers.ledgers([session.id]).isEmpty)

            let at = tests.now.addingTimeInterval(20 * 60)
            _ = try await sessions.record(.removedAll(count: 1, at: at), sessionID: session.id, by: tests.practitionerUser)
            let closed = try await sessions.close(sessionID: session.id, closing: SessionClosing(painAfter: 2), at: at, by: tests.practitionerUser)
            #expect(try await listed().chair == closed.chair)
            #expect(store.closedLedgers.ledgers([session.id])[session.id]?.count == 2, "kept once closed")
            // Read from memory now: the stored rows are no longer consulted.
            try await store.sql.delete(from: "needle_events").where("session_id", .equal, session.id).run()
            #expect(try await listed().chair == closed.chair)
        }
    }

    @Test(arguments: TestBackend.available)
    func aPlanIsDecodedOnceByItsDigest(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let (_, session) = try await tests.started(store)
            let digest = try #require(try await store.sql.select().column("plan_digest").from("treatment_sessions")
                .where("id", .equal, session.id).first()?.decode(column: "plan_digest", as: String.self))
            let read = try await PlanDocuments.plan(digest, on: try store.reader)
            #expect(read == session.plan)
            #expect(PlanDocuments.decoded.plans([digest])[digest] == session.plan)
            await #expect(throws: StoreError.self) { try await PlanDocuments.plan("no-such-digest", on: try store.reader) }
        }
    }
}
