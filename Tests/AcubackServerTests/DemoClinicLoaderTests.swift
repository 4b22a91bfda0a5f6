import AcubackCore
import AcubackTestSupport
import FluentKit
import SQLKit
import Foundation
import Testing

@testable import AcubackServer
@testable import AcubackServices
@testable import AcubackStore

/// The demo clinic is made through the use cases the pages and API call; `demo --scale` writes in
/// bulk what those use cases would write.
@Suite struct DemoClinicLoaderTests {
    /// Wednesday 25 November 2026, 10:00 in London.
    let today = Date(timeIntervalSince1970: 1_795_600_800)

    func load(_ store: AcubackDatabase, hash: @escaping @Sendable (String) -> String = { $0 }) async throws -> DemoClinic.LoadOutcome {
        try await DemoClinicLoader(store: store, today: today, hashPassword: hash).load()
    }

    /// One load per database (it takes seconds): the clinic, its week, loading again, and the
    /// generator's patients beside it.
    @Test(arguments: TestBackend.available)
    func loadsARealisticClinicThroughTheUseCases(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            #expect(try await load(store, hash: { "hashed:" + $0 }) == .loaded)
            try await checkClinic(store)
            try await checkWeek(store)
            let count = try await AppointmentModel.query(on: try store.fluent).count()
            #expect(try await load(store) == .alreadyLoaded)
            #expect(try await AppointmentModel.query(on: try store.fluent).count() == count)
            try await checkGenerated(store)
        }
    }

    func checkClinic(_ store: AcubackDatabase) async throws {
        do {
            let db = try store.fluent
            #expect(try await PractitionerModel.query(on: db).count() >= 3)
            #expect(try await PatientModel.query(on: db).count() == 8)
            #expect(try await AssessmentModel.query(on: db).count() == 8)
            // Every assessment has its red-flag screen, examination and risk snapshot, and every patient consented.
            #expect(try await AssessmentModel.query(on: db).all().allSatisfy { $0.risksJSON != nil && $0.redFlags != nil && $0.recordedBy != nil })
            #expect(try await RedFlagScreenModel.query(on: db).filter(\.$source == .assessment).count() == 8)
            #expect(try await ConsentModel.query(on: db).count() == 8)
            let plans = try await TreatmentPlanModel.query(on: db).all()
            #expect(plans.count >= 6)
            for model in plans {
                #expect(try await PlanDocuments.plan(model.planDigest, on: db).isUsable)
            }
            let certificates = try await CertificateModel.query(on: db).all().map(\.certificate)
            let day = CalendarDay(today, in: TimeZone(identifier: DemoClinic.timeZone)!)
            #expect(certificates.filter { !$0.permitsTreatment(on: day) }.count == 1)
            let risks = try await PatientModel.query(on: db).all().map(\.riskFactors)
            #expect(risks.contains { $0.isPregnant } && risks.contains { $0.anticoagulants } && risks.contains { $0.implantedDevice })
            #expect(risks.contains { $0.lungDisease } && risks.contains { !$0.brokenSkinRegions.isEmpty } && risks.contains { $0 == .none })

            // Each patient with a plan has a finished course: every session run at the chair with its ledger, measured and reviewed.
            #expect(try await CourseModel.query(on: db).count() == plans.count)
            let sessions = try await TreatmentSessionModel.query(on: db).all()
            #expect(sessions.count == plans.count * 10)
            #expect(sessions.allSatisfy { $0.closedAt != nil && $0.closedAt! < today })
            #expect(try await NeedleEventModel.query(on: db).count() > sessions.count * 15)
            #expect(try await CheckInModel.query(on: db).count() == sessions.count)
            #expect(try await CourseReviewModel.query(on: db).count() == plans.count * 2)
            // The changes are in the audit trail as the use cases wrote them.
            let actions = Set(try await AuditEventModel.query(on: db).all().map(\.action))
            #expect(actions.isSuperset(of: ["assessment.record", "patient.consent", "plan.save", "course.book", "session.start", "session.needleIn",
                                            "session.allOut", "session.close", "session.checkIn", "measure.record", "course.review"]))
            let verified = try await AuditTrail(store).verify()
            #expect(verified.allSatisfy { $0.isIntact })

            let users = try await UserModel.query(on: db).all()
            #expect(users.allSatisfy { $0.passwordHash == "hashed:acuback-demo" })
            #expect(Set(users.map(\.email)) == Set(DemoClinic.logins.map(\.email)))
        }
    }

    /// The week is booked only with certified practitioners, without overlaps.
    func checkWeek(_ store: AcubackDatabase) async throws {
        do {
            let db = try store.fluent
            let all = try await AppointmentModel.query(on: db).with(\.$practitioner) { $0.with(\.$certificates) }.all()
            let history = all.filter { $0.courseID != nil }
            #expect(!history.isEmpty && history.allSatisfy { $0.startsAt < today && $0.status == .completed })
            let appointments = all.filter { $0.courseID == nil }
            #expect(appointments.count >= 18)
            let zone = TimeZone(identifier: DemoClinic.timeZone)!
            let days = Set(appointments.map { CalendarDay($0.startsAt, in: zone) })
            #expect(days.count == 5)  // the five weekdays of the coming seven days
            #expect(days.allSatisfy { $0.isoWeekday <= 5 })
            for appointment in all {
                let certificates = appointment.practitioner.certificates.map(\.certificate)
                #expect(certificates.permitTreatment(on: CalendarDay(appointment.startsAt, in: zone)))
            }
            // Booked through the use case, every appointment holds its slots.
            let slots = try await (db as! any SQLDatabase).select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(SlotUnits.table)
                .first()?.decode(column: "n", as: Int.self)
            var expected = 0
            for appointment in all {
                // The practitioner and the patient, and the room when there is one.
                let resources = appointment.$room.id == nil ? 2 : 3
                expected += resources * SlotGrid.slotStarts(from: appointment.startsAt, minutes: appointment.minutes).count
            }
            #expect(slots == expected)
        }
    }

    @Test func refusesADatabaseThatHoldsOtherClinicData() async throws {
        try await withTestDatabase(.sqlite) { store in
            try await ClinicModel(name: "Real clinic", slug: "real", timeZone: "Europe/Berlin").create(on: try store.fluent)
            await #expect(throws: StoreError.databaseHoldsData(location: store.location.description)) {
                _ = try await load(store)
            }
            #expect(try await ClinicModel.query(on: try store.fluent).count() == 1)
            #expect(try await PatientModel.query(on: try store.fluent).count() == 0)
        }
    }

    /// Which tables hold rows of a patient, and which of their columns are filled.
    static func shape(of patientID: UUID, on db: any Database) async throws -> [String: [String]] {
        let sql = db as! any SQLDatabase
        var shape: [String: [String]] = [:]
        let tables: [(String, String)] = [
            ("assessments", "patient_id"), ("red_flag_screens", "patient_id"), ("consents", "patient_id"), ("treatment_plans", "patient_id"),
            ("courses", "patient_id"), ("treatment_sessions", "patient_id"), ("outcome_measures", "patient_id"),
        ]
        for (table, column) in tables {
            let rows = try await sql.raw("SELECT * FROM \(ident: table) WHERE \(ident: column) = \(bind: patientID)").all()
            let filled = Set(rows.flatMap { row in row.allColumns.filter { (try? row.decodeNil(column: $0)) == false } })
            shape[table] = rows.isEmpty ? [] : filled.sorted()
            shape[table + " rows"] = [String(rows.count)]
        }
        for (table, key) in [("needle_events", "session_id"), ("check_ins", "session_id")] {
            let count = try await sql.raw("""
                SELECT count(*) AS n FROM \(ident: table) WHERE \(ident: key) IN (SELECT id FROM treatment_sessions WHERE patient_id = \(bind: patientID))
                """).first()!.decode(column: "n", as: Int.self)
            shape[table + " per session"] = [String(count / 10)]
        }
        return shape
    }

    /// Generated patients have what the use cases would write for the same patient, and the known outcomes.
    func checkGenerated(_ store: AcubackDatabase) async throws {
        let generated = try await DemoClinic.generate(into: store, patients: 20, today: today, hashPassword: { $0 })
        #expect(generated == DemoClinic.Generated(patients: 20, practitioners: 1, courses: 20, sessions: 200))
        let db = try store.fluent
        // Margaret Hughes, low back, L4–L5, no risk factors: the generator's first template is the same assessment.
        let made = try #require(try await PatientModel.query(on: db).filter(\.$familyName == "Hughes").first())
        let first = try #require(try await PatientModel.query(on: db).filter(\.$familyName == "Generated 000001").first())
        let left = try await Self.shape(of: made.requireID(), on: db)
        let right = try await Self.shape(of: first.requireID(), on: db)
        for key in left.keys.sorted() {
            #expect(left[key] == right[key], "\(key)")
        }
        let clinicID = try await ClinicModel.query(on: db).filter(\.$slug == DemoClinic.slug).first()?.id
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
