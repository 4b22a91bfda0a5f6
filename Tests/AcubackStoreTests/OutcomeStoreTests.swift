import AcubackCore
import AcubackTestSupport
import FluentKit
import Foundation
import Testing

@testable import AcubackStore

@Suite struct OutcomeStoreTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let user = UUID()

    /// A two-session course following GERAC, on the fixture's patient.
    func course(_ store: AcubackDatabase, _ fixture: BookingStoreTests.Fixture, extends original: UUID? = nil) async throws -> (CourseRecord, [AppointmentRecord]) {
        let draft = CourseRecordDraft(
            clinicID: fixture.clinic.id, patientID: fixture.patient.id, practitionerID: fixture.practitioner.id, sessions: 2, perWeek: 2,
            kind: .treatment, regimen: .gerac, region: "lower", protocolName: "Cherkin 2009", extendsCourseID: original)
        let offset = original == nil ? 0.0 : 10.0
        let (appointments, course) = try await BookingStore(store).book(
            [fixture.appointment(at: now.addingTimeInterval((1 + offset) * 86_400)), fixture.appointment(at: now.addingTimeInterval((4 + offset) * 86_400))],
            course: draft, reminder: { _, _ in nil }, now: now)
        return (course!, appointments)
    }

    func measure(_ fixture: BookingStoreTests.Fixture, _ course: CourseRecord, _ timepoint: MeasureTimepoint, day: Double, pain: Int, session: UUID? = nil) -> NewMeasure {
        NewMeasure(
            clinicID: fixture.clinic.id, courseID: course.id, sessionID: session, timepoint: timepoint, takenAt: now.addingTimeInterval(day * 86_400),
            recordedByUserID: user, measures: OutcomeMeasures(painNow: pain, painAverageWeek: pain))
    }

    @Test(arguments: TestBackend.available)
    func aCourseKeepsItsRegimenAndTracksBaselineAndLatest(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let fixture = try await BookingStoreTests.Fixture.make(store)
            let (course, _) = try await course(store, fixture)
            let outcomes = OutcomeStore(store)
            #expect(try await BookingStore(store).course(id: course.id)?.regimen == .gerac)
            let baseline = try await outcomes.record(measure(fixture, course, .baseline, day: 0, pain: 6))
            let later = try await outcomes.record(measure(fixture, course, .review, day: 5, pain: 3))
            _ = try await outcomes.record(measure(fixture, course, .session, day: 2, pain: 5))
            let reread = try #require(try await BookingStore(store).course(id: course.id))
            #expect(reread.baselineMeasureID == baseline.id)
            #expect(reread.latestMeasureID == later.id, "an older measure entered late does not become the latest")
            let progress = try #require(try await outcomes.progress(courseID: course.id))
            #expect(progress.measures.map(\.measures.painNow) == [6, 5, 3])
            #expect(progress.baseline?.id == baseline.id && progress.latestWithPain?.id == later.id)
        }
    }

    @Test(arguments: TestBackend.available)
    func refusedMeasuresStoreNothing(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let fixture = try await BookingStoreTests.Fixture.make(store)
            let (course, _) = try await course(store, fixture)
            let outcomes = OutcomeStore(store)
            await #expect(throws: ValidationError(field: "painNow", rule: "must be from 0 to 10 on the numeric rating scale")) {
                try await outcomes.record(NewMeasure(clinicID: fixture.clinic.id, courseID: course.id, timepoint: .baseline, takenAt: now,
                                                     recordedByUserID: user, measures: OutcomeMeasures(painNow: 11)))
            }
            await #expect(throws: ValidationError(field: "sessionId", rule: "no session of this course has this id")) {
                try await outcomes.record(measure(fixture, course, .session, day: 1, pain: 4, session: UUID()))
            }
            await #expect(throws: ValidationError(field: "courseId", rule: "no course of this clinic has this id")) {
                try await outcomes.record(NewMeasure(clinicID: UUID(), courseID: course.id, timepoint: .baseline, takenAt: now,
                                                     recordedByUserID: user, measures: OutcomeMeasures(painNow: 5)))
            }
            _ = try await outcomes.record(measure(fixture, course, .baseline, day: 0, pain: 6))
            await #expect(throws: ValidationError.self) { try await outcomes.record(measure(fixture, course, .baseline, day: 1, pain: 5)) }
            #expect(try await OutcomeMeasureModel.query(on: store.fluent).count() == 1)
        }
    }

    @Test(arguments: TestBackend.available)
    func anExtensionSharesTheBaselineAndMovesTheOriginalsLatest(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let fixture = try await BookingStoreTests.Fixture.make(store)
            let (original, _) = try await course(store, fixture)
            let outcomes = OutcomeStore(store)
            let baseline = try await outcomes.record(measure(fixture, original, .baseline, day: 0, pain: 8))
            let (extra, _) = try await course(store, fixture, extends: original.id)
            await #expect(throws: ValidationError.self) { try await outcomes.record(measure(fixture, extra, .baseline, day: 9, pain: 7)) }
            let end = try await outcomes.record(measure(fixture, extra, .followUp, day: 20, pain: 4))
            #expect(try await outcomes.progress(courseID: extra.id)?.baseline?.id == baseline.id)
            #expect(try await BookingStore(store).course(id: original.id)?.latestMeasureID == end.id)
            let analytics = try await outcomes.analytics(clinicID: fixture.clinic.id)
            #expect(analytics.overall.courses == 1, "the extension counts with its course")
            #expect(analytics.overall.responders == 1 && analytics.overall.meanChangePoints == 4)
        }
    }

    @Test(arguments: TestBackend.available)
    func settingsDefaultAndRoundTrip(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let fixture = try await BookingStoreTests.Fixture.make(store)
            let outcomes = OutcomeStore(store)
            #expect(try await outcomes.settings(clinicID: fixture.clinic.id) == .standard)
            let chosen = OutcomeSettings(importantPercent: 40, importantPoints: 2.5, instruments: [.oswestry])
            try await outcomes.saveSettings(chosen, clinicID: fixture.clinic.id)
            #expect(try await outcomes.settings(clinicID: fixture.clinic.id) == chosen)
            await #expect(throws: ValidationError.self) {
                try await outcomes.saveSettings(OutcomeSettings(importantPercent: 5), clinicID: fixture.clinic.id)
            }
        }
    }
}
