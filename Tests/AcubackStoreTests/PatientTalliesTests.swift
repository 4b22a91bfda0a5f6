import AcubackCore
import AcubackTestSupport
import Foundation
import SQLKit
import Testing

@testable import AcubackStore

/// The counts kept as sessions close and check-ins arrive must equal the counts made again from
/// the records; the dashboard reads only the kept ones.
@Suite struct PatientTalliesTests {
    let sessions = TreatmentSessionStoreTests()

    @Test(arguments: TestBackend.available)
    func keptCountsEqualCountsRebuiltFromTheRecords(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let (fixture, session) = try await sessions.started(store)
            let chair = TreatmentSessionStore(store)
            let sql = try store.sql
            #expect(try await PatientTallies.tally(clinicID: fixture.clinic.id, on: sql).sessions == 0, "an open session does not count")

            let planned = session.plan.needles
            for (index, needle) in planned.enumerated() {
                _ = try await chair.record(sessions.insertion(needle, at: Double(index) * 0.1), sessionID: session.id, by: sessions.practitionerUser)
            }
            let lastIn = sessions.now.addingTimeInterval(Double(planned.count - 1) * 6)
            _ = try await chair.record(.removedAll(count: planned.count, at: lastIn.addingTimeInterval(15 * 60)), sessionID: session.id,
                                       by: sessions.practitionerUser)
            _ = try await chair.close(sessionID: session.id, closing: SessionClosing(painAfter: 3), at: lastIn.addingTimeInterval(16 * 60),
                                      by: sessions.practitionerUser)
            _ = try await chair.addCheckIn(CheckIn(soreness: 4, sorenessHoursAfter: 6, tiredness: true, bruising: true, other: "stiff neck"),
                                           sessionID: session.id, by: UUID(), role: .patient, at: lastIn.addingTimeInterval(86_400))

            let kept = try await PatientTallies.tally(clinicID: fixture.clinic.id, on: sql)
            #expect(kept.sessions == 1 && kept.patients == 1)
            #expect(kept.sessionsWith[.soreness] == 1 && kept.sessionsWith[.tiredness] == 1 && kept.sessionsWith[.bruising] == 1)
            #expect(kept.sessionsWith[.other] == 1 && kept.sessionsWith[.neededSleep] == 0 && kept.sessionsWith[.breathlessness] == 0)
            #expect(kept.patientsWithTiredness == 1 && kept.patientsWithPainOrBruising == 1)

            try await PatientTallies.rebuild(clinicID: fixture.clinic.id, on: sql)
            #expect(try await PatientTallies.tally(clinicID: fixture.clinic.id, on: sql) == kept)
        }
    }

    @Test(arguments: TestBackend.available)
    func rebuildingEveryClinicGivesGeneratedPatientsTheCountsTheyWereWrittenWith(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            _ = try await AccountStore(store).createClinic(name: DemoClinic.name, slug: DemoClinic.slug, timeZone: DemoClinic.timeZone)
            _ = try await DemoClinic.generate(into: store, patients: 6, hashPassword: { $0 })
            let clinic = try #require(try await AccountStore(store).clinics().first)
            let sql = try store.sql
            let loaded = try await PatientTallies.tally(clinicID: clinic.id, on: sql)
            #expect(loaded.sessions >= 60, "six or more patients with a ten-session course")
            try await sql.raw("DELETE FROM patient_tallies").run()
            #expect(try await PatientTallies.tally(clinicID: clinic.id, on: sql).sessions == 0)
            try await PatientTallies.rebuild(clinicID: nil, on: sql)
            #expect(try await PatientTallies.tally(clinicID: clinic.id, on: sql) == loaded)
        }
    }
}
