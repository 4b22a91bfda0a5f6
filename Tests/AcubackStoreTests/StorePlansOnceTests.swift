import AcubackCore
import FluentKit
import Foundation
import SQLKit
import Testing

@testable import AcubackStore
import AcubackTestSupport

/// Migration 012 moves every plan copy into `plan_documents`; reverting puts the copies back.
@Suite struct StorePlansOnceTests {
    let today = Date(timeIntervalSince1970: 1_795_600_800)

    @Test(arguments: TestBackend.available)
    func sessionsOfOneCourseShareOneStoredPlanAndRevertingRestoresTheCopies(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            _ = try await AccountStore(store).createClinic(name: DemoClinic.name, slug: DemoClinic.slug, timeZone: DemoClinic.timeZone)
            _ = try await DemoClinic.generate(into: store, patients: 6, today: today, hashPassword: { $0 })
            let db = try store.fluent
            let sql = try store.sql
            let plans = try await TreatmentPlanModel.query(on: db).all()
            let sessions = try await TreatmentSessionModel.query(on: db).all()
            #expect(sessions.count >= 10 * plans.count, "each generated plan has a ten-session course")
            // Ten sessions of a course and the plan they came from are one row.
            #expect(try await PlanDocumentModel.query(on: db).count() == Set(plans.map(\.planDigest)).count)
            #expect(Set(sessions.map(\.planDigest)).isSubset(of: Set(plans.map(\.planDigest))))
            let before = try await TreatmentSessionStore(store).session(id: try #require(sessions.first?.id))

            try await StorePlansOnce().revert(on: db)
            let copies = try await sql.raw("SELECT plan_json FROM treatment_sessions").all()
            #expect(copies.count == sessions.count)
            let restored = try SessionCoding.decode(TreatmentPlan.self, from: try copies[0].decode(column: "plan_json", as: String.self))
            #expect(restored.needleCount >= 15)
            await #expect(throws: (any Error).self) { try await sql.raw("SELECT plan_digest FROM treatment_sessions").all() }

            try await StorePlansOnce().prepare(on: db)
            #expect(try await PlanDocumentModel.query(on: db).count() == Set(plans.map(\.planDigest)).count)
            let after = try await TreatmentSessionStore(store).session(id: try #require(sessions.first?.id))
            #expect(after?.plan == before?.plan)
            #expect(try await TreatmentPlanModel.query(on: db).all().map(\.planDigest).sorted() == plans.map(\.planDigest).sorted())
        }
    }
}
