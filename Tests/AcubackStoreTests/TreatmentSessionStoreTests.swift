import AcubackCore
import AcubackTestSupport
import FluentKit
import Foundation
import Testing

@testable import AcubackStore

@Suite struct TreatmentSessionStoreTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let practitionerUser = UUID()

    /// A booked treatment, a saved plan for chronic low back pain, and a session started from them.
    func started(_ store: AcubackDatabase) async throws -> (fixture: BookingStoreTests.Fixture, session: TreatmentSessionRecord) {
        let fixture = try await BookingStoreTests.Fixture.make(store)
        let (appointments, _) = try await BookingStore(store).book(
            [fixture.appointment(at: now.addingTimeInterval(3600))], reminder: { _, _ in nil }, now: now)
        let plan = try PrescriptionEngine().plan(for: Assessment(regions: [.lower], side: .both, levels: [.L4, .L5], onset: .chronic))
        let sessions = TreatmentSessionStore(store)
        let saved = try await sessions.savePlan(plan, patientID: fixture.patient.id, practitionerID: fixture.practitioner.id, at: now)
        let session = try await sessions.start(NewTreatmentSession(
            clinicID: fixture.clinic.id, appointmentID: appointments[0].id, patientID: fixture.patient.id,
            practitionerID: fixture.practitioner.id, plan: saved, position: .prone, painBefore: 6, startedAt: now))
        return (fixture, session)
    }

    func insertion(_ needle: PlannedNeedle, at minute: Double) -> NeedleEvent {
        .inserted(Insertion(
            key: NeedleKey(point: needle.point, side: needle.side, site: needle.site), at: now.addingTimeInterval(minute * 60),
            depthMm: min(needle.maxDepthMm, 20), needleType: "0.25 × 40 mm, steel", stimulation: .manual, deQi: true))
    }

    @Test(arguments: TestBackend.available)
    func aFullSessionIsStoredAndReplayed(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let (fixture, session) = try await started(store)
            let sessions = TreatmentSessionStore(store)
            #expect(session.patientName == "Pat Ient")
            #expect(try await BookingStore(store).appointment(id: session.appointmentID)?.status == .completed)
            let planned = session.plan.needles
            #expect(planned.count >= 15)
            var latest = session
            for (index, needle) in planned.enumerated() {
                latest = try await sessions.record(insertion(needle, at: Double(index) * 0.1), sessionID: session.id, by: practitionerUser)
            }
            let lastIn = now.addingTimeInterval(Double(planned.count - 1) * 6)
            #expect(latest.chair.timer.startedAt == lastIn)
            #expect(latest.chair.ledger.inCount == planned.count)
            latest = try await sessions.record(.removedAll(count: planned.count, at: lastIn.addingTimeInterval(15 * 60)), sessionID: session.id, by: practitionerUser)
            let closed = try await sessions.close(
                sessionID: session.id, closing: SessionClosing(painAfter: 3, reactions: [.drowsiness]), at: lastIn.addingTimeInterval(16 * 60),
                by: practitionerUser)
            #expect(!closed.isOpen)
            let reread = try #require(try await sessions.session(id: session.id))
            #expect(reread.chair == closed.chair)
            #expect(reread.closing == SessionClosing(painAfter: 3, reactions: [.drowsiness]))
            #expect(StrictaNeedling(session: reread.chair).retentionMinutes == 15)
            let open = try await sessions.sessions(clinicID: fixture.clinic.id, openOnly: true)
            #expect(open.isEmpty)
        }
    }

    @Test(arguments: TestBackend.available)
    func aRefusedEntryStoresNothing(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let (_, session) = try await started(store)
            let sessions = TreatmentSessionStore(store)
            let needle = session.plan.needles[0]
            _ = try await sessions.record(insertion(needle, at: 0), sessionID: session.id, by: practitionerUser)
            await #expect(throws: LedgerError.countTooHigh(counted: 2, inPatient: 1)) {
                try await sessions.record(.removedAll(count: 2, at: now.addingTimeInterval(60)), sessionID: session.id, by: practitionerUser)
            }
            await #expect(throws: ValidationError.self) {
                try await sessions.close(sessionID: session.id, closing: SessionClosing(painAfter: 2), at: now, by: practitionerUser)
            }
            let reread = try #require(try await sessions.session(id: session.id))
            #expect(reread.chair.ledger.events.count == 1)
            #expect(reread.isOpen)
            #expect(try await NeedleEventModel.query(on: store.fluent).count() == 1)
        }
    }

    @Test(arguments: TestBackend.available)
    func oneSessionPerAppointment(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let (fixture, session) = try await started(store)
            let sessions = TreatmentSessionStore(store)
            let saved = try #require(try await sessions.currentPlan(patientID: fixture.patient.id))
            await #expect(throws: TreatmentSessionError.alreadyStarted(sessionID: session.id)) {
                try await sessions.start(NewTreatmentSession(
                    clinicID: fixture.clinic.id, appointmentID: session.appointmentID, patientID: fixture.patient.id,
                    practitionerID: fixture.practitioner.id, plan: saved, position: .seated, painBefore: 5, startedAt: now))
            }
        }
    }

    /// Two devices tapping at once: every accepted entry gets its own place in the ledger and the
    /// same needle is never counted in twice.
    @Test(arguments: TestBackend.available)
    func parallelTapsKeepOneLedger(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let (_, session) = try await started(store)
            let sessions = TreatmentSessionStore(store)
            let needles = Array(session.plan.needles.prefix(6))
            let accepted = try await withThrowingTaskGroup(of: Bool.self) { group in
                for attempt in 0..<12 {
                    group.addTask {
                        do {
                            _ = try await sessions.record(insertion(needles[attempt % 6], at: 0), sessionID: session.id, by: practitionerUser)
                            return true
                        } catch is LedgerError {
                            return false
                        } catch TreatmentSessionError.busy {
                            return false
                        }
                    }
                }
                return try await group.reduce(into: 0) { $0 += $1 ? 1 : 0 }
            }
            let reread = try #require(try await sessions.session(id: session.id))
            #expect(reread.chair.ledger.inCount == accepted)
            #expect(accepted <= 6)
            #expect(Set(reread.chair.ledger.insertions.map(\.key)).count == reread.chair.ledger.insertions.count)
        }
    }

    @Test(arguments: TestBackend.available)
    func aLostNeedleAndASeriousCheckInAreIncidents(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let (fixture, session) = try await started(store)
            let sessions = TreatmentSessionStore(store)
            for needle in session.plan.needles.prefix(3) { _ = try await sessions.record(insertion(needle, at: 0), sessionID: session.id, by: practitionerUser) }
            _ = try await sessions.startTimer(sessionID: session.id, at: now, by: practitionerUser)
            let again = try await sessions.startTimer(sessionID: session.id, at: now.addingTimeInterval(120), by: practitionerUser)
            #expect(again.chair.timer.startedAt == now)
            _ = try await sessions.record(.removedAll(count: 2, at: now.addingTimeInterval(900)), sessionID: session.id, by: practitionerUser)
            _ = try await sessions.record(.declaredLost(note: "Couch, floor and gown searched.", at: now.addingTimeInterval(1200)), sessionID: session.id, by: practitionerUser)
            _ = try await sessions.close(sessionID: session.id, closing: SessionClosing(painAfter: 4), at: now.addingTimeInterval(1300), by: practitionerUser)
            await #expect(throws: TreatmentSessionError.closed) {
                try await sessions.record(.removedAll(count: 0, at: now), sessionID: session.id, by: practitionerUser)
            }
            let checkIn = try await sessions.addCheckIn(
                CheckIn(soreness: 3, sorenessHoursAfter: 5, breathlessness: true), sessionID: session.id, by: UUID(), role: .reception,
                at: now.addingTimeInterval(86_400))
            #expect(checkIn.enteredByRole == .reception)
            await #expect(throws: TreatmentSessionError.checkInExists) {
                try await sessions.addCheckIn(CheckIn(soreness: 1), sessionID: session.id, by: UUID(), role: .patient, at: now)
            }
            let incidents = try await sessions.incidents(clinicID: fixture.clinic.id)
            #expect(incidents.map(\.kind) == [.seriousAfterEffect, .needleLost])
            #expect(incidents.last?.detail.hasPrefix("1 needle(s) not found") == true)
            #expect(incidents.first?.patientName == "Pat Ient")
        }
    }

    @Test(arguments: TestBackend.available)
    func aCheckInWaitsForTheSessionToClose(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let (_, session) = try await started(store)
            await #expect(throws: TreatmentSessionError.notClosed) {
                try await TreatmentSessionStore(store).addCheckIn(CheckIn(soreness: 2), sessionID: session.id, by: UUID(), role: .patient, at: now)
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func theNewestSavedPlanIsCurrent(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let fixture = try await BookingStoreTests.Fixture.make(store)
            let sessions = TreatmentSessionStore(store)
            #expect(try await sessions.currentPlan(patientID: fixture.patient.id) == nil)
            let lower = try PrescriptionEngine().plan(for: Assessment(regions: [.lower], side: .both, levels: [.L4], onset: .chronic))
            let upper = try PrescriptionEngine().plan(for: Assessment(regions: [.upper], side: .left, levels: [.T3], onset: .acute))
            _ = try await sessions.savePlan(lower, patientID: fixture.patient.id, practitionerID: fixture.practitioner.id, at: now)
            _ = try await sessions.savePlan(upper, patientID: fixture.patient.id, practitionerID: fixture.practitioner.id, at: now.addingTimeInterval(60))
            #expect(try await sessions.currentPlan(patientID: fixture.patient.id)?.plan == upper)
        }
    }
}
