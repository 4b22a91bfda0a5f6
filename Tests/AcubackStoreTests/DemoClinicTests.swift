import AcubackCore
import FluentKit
import Foundation
import Testing

@testable import AcubackStore
import AcubackTestSupport

@Suite struct DemoClinicTests {
    /// Wednesday 25 November 2026, 10:00 in London.
    let today = Date(timeIntervalSince1970: 1_795_600_800)

    @Test(arguments: TestBackend.available)
    func loadsARealisticClinic(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            #expect(try await DemoClinic.load(into: store, today: today, hashPassword: { "hashed:" + $0 }) == .loaded)
            let db = try store.fluent
            #expect(try await PractitionerModel.query(on: db).count() >= 3)
            #expect(try await PatientModel.query(on: db).count() == 8)
            #expect(try await AssessmentModel.query(on: db).count() == 8)
            // Each patient whose plan no rule blocks has a current plan to start sessions from.
            let plans = try await TreatmentPlanModel.query(on: db).all()
            #expect(plans.count >= 6)
            for model in plans {
                #expect(try await PlanDocuments.plan(model.planDigest, on: db).isUsable)
            }

            let certificates = try await CertificateModel.query(on: db).all().map(\.certificate)
            let day = CalendarDay(today, in: TimeZone(identifier: DemoClinic.timeZone)!)
            #expect(certificates.filter { !$0.permitsTreatment(on: day) }.count == 1)

            let regions = Set(try await AssessmentModel.query(on: db).all().map(\.regions))
            #expect(regions.contains("upper") && regions.contains("lower") && regions.contains { $0.contains("middle") })
            let risks = try await PatientModel.query(on: db).all().map(\.riskFactors)
            #expect(risks.contains { $0.isPregnant })
            #expect(risks.contains { $0.anticoagulants })
            #expect(risks.contains { $0.implantedDevice })
            #expect(risks.contains { $0.lungDisease })
            #expect(risks.contains { !$0.brokenSkinRegions.isEmpty })
            #expect(risks.contains { $0 == .none })

            // Each patient with a plan has a finished course with measures and reviews.
            #expect(try await CourseModel.query(on: db).count() == plans.count)
            #expect(try await TreatmentSessionModel.query(on: db).count() == plans.count * 10)
            #expect(try await CourseReviewModel.query(on: db).count() == plans.count * 2)

            let users = try await UserModel.query(on: db).all()
            #expect(users.allSatisfy { $0.passwordHash == "hashed:acuback-demo" })
            #expect(Set(users.map(\.email)) == Set(DemoClinic.logins.map(\.email)))
        }
    }

    @Test(arguments: TestBackend.available)
    func theWeekIsBookedOnlyWithCertifiedPractitionersAndWithoutOverlaps(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            _ = try await DemoClinic.load(into: store, today: today, hashPassword: { $0 })
            let db = try store.fluent
            let all = try await AppointmentModel.query(on: db).with(\.$practitioner) { $0.with(\.$certificates) }.all()
            // The finished courses before today hold no slots: nothing can be booked in the past.
            let appointments = all.filter { $0.courseID == nil }
            let now = today
            let history = all.filter { $0.courseID != nil }.map { ($0.startsAt, $0.status) }
            let allPast = history.allSatisfy { $0.0 < now && $0.1 == AppointmentStatus.completed.rawValue }
            #expect(!history.isEmpty && allPast)
            #expect(appointments.count >= 18)
            let zone = TimeZone(identifier: DemoClinic.timeZone)!
            let days = Set(appointments.map { CalendarDay($0.startsAt, in: zone) })
            #expect(days.count == 5)  // the five weekdays of the coming seven days
            #expect(days.allSatisfy { $0.isoWeekday <= 5 })
            for appointment in appointments {
                let certificates = appointment.practitioner.certificates.map(\.certificate)
                #expect(certificates.permitTreatment(on: CalendarDay(appointment.startsAt, in: zone)))
            }
            let slots = try await AppointmentSlotModel.query(on: db).count()
            let expected = appointments.reduce(0) { $0 + 2 * SlotGrid.slotStarts(from: $1.startsAt, minutes: $1.minutes).count }
            #expect(slots == expected)
        }
    }

    @Test(arguments: TestBackend.available)
    func loadingTwiceLeavesTheDemoAsItIs(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            _ = try await DemoClinic.load(into: store, today: today, hashPassword: { $0 })
            let count = try await AppointmentModel.query(on: try store.fluent).count()
            #expect(try await DemoClinic.load(into: store, today: today, hashPassword: { $0 }) == .alreadyLoaded)
            #expect(try await AppointmentModel.query(on: try store.fluent).count() == count)
        }
    }

    @Test(arguments: TestBackend.available)
    func refusesADatabaseThatHoldsOtherClinicData(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            try await ClinicModel(name: "Real clinic", slug: "real", timeZone: "Europe/Berlin").create(on: try store.fluent)
            await #expect(throws: StoreError.databaseHoldsData(location: store.location.description)) {
                _ = try await DemoClinic.load(into: store, today: today, hashPassword: { $0 })
            }
            #expect(try await ClinicModel.query(on: try store.fluent).count() == 1)
            #expect(try await PatientModel.query(on: try store.fluent).count() == 0)
        }
    }

    @Test(arguments: TestBackend.available)
    func generatedPatientsHaveTheKnownOutcomes(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let generated = try await DemoClinic.generate(into: store, patients: 20, today: today, hashPassword: { $0 })
            #expect(generated == DemoClinic.Generated(patients: 20, practitioners: 1, courses: 20, sessions: 200))
            let clinicID = try await ClinicModel.query(on: try store.fluent).first()?.id
            let analytics = try await OutcomeStore(store).analytics(clinicID: try #require(clinicID))
            let byName = Dictionary(uniqueKeysWithValues: analytics.byPractitioner.map { ($0.label, $0) })
            let generatedPractitioner = try #require(byName["Generated Practitioner 001"])
            // The outcome repeats every five patients: responder, responder, partial, non-responder, responder;
            // the mean change is (3 + 3 + 1 + 0 + 3) / 5 = 2 points.
            #expect(generatedPractitioner.courses == 20 && generatedPractitioner.responders == 12)
            #expect(generatedPractitioner.partial == 4 && generatedPractitioner.nonResponders == 4)
            #expect(generatedPractitioner.meanChangePoints == 2)
            await #expect(throws: ValidationError.self) {
                try await DemoClinic.generate(into: store, patients: 5, today: today, hashPassword: { $0 })
            }
        }
    }
}
