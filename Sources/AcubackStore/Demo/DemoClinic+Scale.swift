import AcubackCore
import FluentKit
import Foundation

extension DemoClinic {
    /// What `generate` made.
    public struct Generated: Sendable, Equatable {
        public let patients: Int
        public let practitioners: Int
        public let courses: Int
        public let sessions: Int
    }

    /// Patients per generated practitioner: about a year and a half of courses each.
    static let patientsPerPractitioner = 250
    static let chunk = 250

    /// The four kinds of back the generated patients have, in turn: lower back with palpated
    /// levels (Brinkhaus 2006), lower back without (Cherkin 2009), middle and upper back.
    static let generatedAssessments: [Assessment] = [
        Assessment(regions: [.lower], side: .both, levels: [.L4, .L5], onset: .chronic),
        Assessment(regions: [.lower], side: .both, onset: .chronic),
        Assessment(regions: [.middle], side: .left, levels: [.T8], onset: .subacute),
        Assessment(regions: [.upper], side: .right, levels: [.T3], onset: .chronic),
    ]

    /// Adds `patients` generated patients to the demo clinic (which `DemoClinicLoader` makes
    /// first, through the use cases), each with what the use cases would have written for a first
    /// consultation and a finished GERAC course: the assessment with its red-flag screen and risk
    /// snapshot, consent at the desk, the plan, ten closed sessions with their needle ledgers and
    /// check-ins, measures and two reviews, treated by generated practitioners. Written in bulk,
    /// in transactions of 250 patients (no per-change audit events); `progress` hears after each.
    public static func generate(
        into store: AcubackDatabase, patients count: Int, today: Date = Date(), hashPassword: @Sendable (String) -> String,
        progress: @Sendable (Int, Int) -> Void = { _, _ in }
    ) async throws -> Generated {
        guard (1...1_000_000).contains(count) else { throw ValidationError(field: "scale", rule: "must be from 1 to 1000000 patients") }
        let db = try store.fluent
        guard let clinic = try await ClinicModel.query(on: db).filter(\.$slug == slug).first(), let clinicID = clinic.id else {
            throw ValidationError(field: "scale", rule: "load the demo clinic first")
        }
        if try await PatientModel.query(on: db).filter(\.$clinic.$id == clinicID).filter(\.$familyName =~ "Generated").count() > 0 {
            throw ValidationError(field: "scale", rule: "the demo clinic already holds generated patients; generate into a fresh database")
        }
        let zone = TimeZone(identifier: timeZone)!
        let engine = PrescriptionEngine()
        var stored: [(assessment: Assessment, plan: TreatmentPlan, digest: String)] = []
        for assessment in generatedAssessments {
            let plan = try engine.plan(for: assessment, acknowledged: try engine.plan(for: assessment).pendingAcknowledgements)
            stored.append((assessment, plan, try await PlanDocuments.store(plan, on: db)))
        }
        let templates = stored
        let practitionerCount = (count + patientsPerPractitioner - 1) / patientsPerPractitioner
        let practitionerIDs = try await makePractitioners(practitionerCount, clinicID: clinicID, today: today, zone: zone, on: db)
        let recordedBy = try await UserModel.query(on: db).filter(\.$clinic.$id == clinicID).filter(\.$role == Role.admin.rawValue).first()?.id ?? UUID()
        var done = 0
        while done < count {
            let (lower, upper) = (done, min(count, done + chunk))
            try await db.transaction { db in
                var patients: [PatientModel] = []
                var assessments: [AssessmentModel] = []
                var screens: [RedFlagScreenModel] = []
                var consents: [ConsentModel] = []
                var plans: [TreatmentPlanModel] = []
                var rows = CourseHistory.Rows()
                for index in lower..<upper {
                    let template = templates[index % templates.count]
                    let practitionerID = practitionerIDs[index / patientsPerPractitioner]
                    let patient = PatientModel(
                        clinicID: clinicID, userID: nil, givenName: "Patient", familyName: String(format: "Generated %06d", index + 1),
                        birthDate: String(format: "%04d-%02d-%02d", 1950 + index % 50, 1 + index % 12, 1 + index % 28), email: nil, phone: nil,
                        risks: .none)
                    patient.id = UUID()
                    patients.append(patient)
                    let firstDay = CourseHistory.blockStart((index % patientsPerPractitioner) / CourseHistory.timesPerDay, today: today, zone: zone)
                    let seen = firstDay.adding(days: -7).start(in: zone)
                    let assessment = AssessmentModel(
                        patientID: patient.id!, practitionerID: practitionerID, recordedAt: seen, assessment: template.assessment,
                        complaint: "Generated history")
                    assessment.id = UUID()
                    assessment.redFlags = ""
                    assessment.examinationJSON = try JSONColumn.encode(Examination.none)
                    assessment.risksJSON = try JSONColumn.encode(RiskFactors.none)
                    assessment.recordedBy = recordedBy
                    assessments.append(assessment)
                    let screen = RedFlagScreenModel()
                    screen.clinicID = clinicID
                    screen.$patient.id = patient.id!
                    screen.flags = ""
                    screen.source = .assessment
                    screen.sourceID = assessment.id
                    screen.screenedAt = seen
                    screen.screenedBy = recordedBy
                    screens.append(screen)
                    let consent = ConsentModel()
                    consent.$patient.id = patient.id!
                    consent.version = ConsentText.defaultVersion
                    consent.givenAt = seen
                    consent.recordedBy = recordedBy
                    consent.method = .desk
                    consent.signedName = "\(patient.givenName) \(patient.familyName)"
                    consents.append(consent)
                    let plan = TreatmentPlanModel(
                        patientID: patient.id!, practitionerID: practitionerID, plan: template.plan, digest: template.digest, at: seen)
                    plan.id = UUID()
                    plans.append(plan)
                    CourseHistory.add(
                        to: &rows, index: index, slot: index % patientsPerPractitioner, clinicID: clinicID, patientID: patient.id!,
                        practitionerID: practitionerID, recordedBy: recordedBy, plan: plan, protocolName: template.plan.protocolName,
                        region: template.assessment.regions.map(\.rawValue).joined(separator: " + "), today: today, zone: zone,
                        ledgerOf: template.plan)
                }
                try await patients.create(on: db)
                try await assessments.create(on: db)
                try await screens.create(on: db)
                try await consents.create(on: db)
                try await plans.create(on: db)
                try await rows.create(on: db)
            }
            done = upper
            progress(done, count)
        }
        try await PatientTallies.rebuild(clinicID: clinicID, on: try store.sql)
        return Generated(patients: count, practitioners: practitionerCount, courses: count, sessions: count * CourseHistory.regimen.sessions)
    }

    private static func makePractitioners(_ count: Int, clinicID: UUID, today: Date, zone: TimeZone, on db: any Database) async throws -> [UUID] {
        var ids: [UUID] = []
        let day = CalendarDay(today, in: zone)
        for number in 1...count {
            let practitioner = PractitionerModel(
                clinicID: clinicID, userID: nil, displayName: String(format: "Generated Practitioner %03d", number), profession: "Licensed acupuncturist",
                biography: "Generated for trying the analytics at size.", practisingSince: 2000)
            try await practitioner.create(on: db)
            let id = try practitioner.requireID()
            try await CertificateModel(practitionerID: id, Certificate(
                issuingBody: "Generated register", number: String(format: "GEN-%05d", number), validFrom: day.adding(days: -365 * 30),
                validTo: day.adding(days: 365 * 3), verifiedBy: "generator", verifiedAt: today)).create(on: db)
            ids.append(id)
        }
        try await ClinicStore.raiseDirectoryVersion(on: db)
        return ids
    }
}
