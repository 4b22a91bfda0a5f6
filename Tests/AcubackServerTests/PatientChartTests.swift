import AcubackCore
import AcubackStore
import AcubackTestSupport
import Foundation
import Testing

@testable import AcubackServer
@testable import AcubackServices

/// The chart page's one read of a patient (`PatientService.chart`): the same parts as the reads it
/// replaced, only what the reader may see, and one audit event for the whole read.
@Suite struct PatientChartTests {
    func services(_ world: TestWorld) -> AppServices { AcubackConfiguration(port: 0).services(over: world.store) }

    func actor(_ world: TestWorld, _ role: Role) -> Actor { world.sessions[role]!.actor }

    /// Every demo patient's chart, part by part, against the per-part reads the page made before
    /// (patient, consultations, courses one by one, sessions and visits named by query).
    @Test(arguments: TestBackend.available)
    func eachPartIsWhatThePerPartReadsGive(backend: TestBackend) async throws {
        try await withTestWorld(backend) { _, world in
            let services = services(world)
            let admin = actor(world, .admin)
            let now = services.now()
            let patients = try await services.patientStore.patients(clinicID: world.clinic.id).items
            #expect(patients.count >= 4)
            var charted = 0
            for patient in patients {
                let chart = try await services.patients.chart(id: patient.id, by: admin, from: nil)
                let clinical = try #require(chart.clinical)
                #expect(chart.patient == patient)
                #expect(clinical.assessments == (try await services.patientStore.clinical(patientID: patient.id))?.assessments)
                #expect(chart.consultations == (try await services.consultationStore.consultations(patientID: patient.id)))
                #expect(chart.redFlags == (try await services.consultationStore.redFlags(patientID: patient.id)))
                #expect(chart.currentPlan == (try await services.sessionStore.currentPlan(patientID: patient.id)))
                var courses: [CourseProgress] = []
                for course in try await services.outcomeStore.courses(patientID: patient.id) where course.kind == .treatment {
                    courses.append(try #require(try await services.outcomeStore.progress(courseID: course.id)))
                }
                #expect(chart.courses == courses)
                #expect(chart.sessions == (try await services.sessionStore.sessions(clinicID: world.clinic.id, patientID: patient.id, limit: 20)))
                #expect(chart.visits == (try await services.bookingStore.appointments(
                    clinicID: world.clinic.id, from: now.addingTimeInterval(-90 * 86_400), to: now.addingTimeInterval(365 * 86_400), patientID: patient.id)))
                #expect(chart.consents == (try await services.patientStore.consents(patientID: patient.id)))
                if !courses.isEmpty && !chart.sessions.isEmpty && !chart.visits.isEmpty { charted += 1 }
            }
            #expect(charted > 0, "some demo patient has courses, sessions and visits to compare")
        }
    }

    @Test(arguments: TestBackend.available)
    func theWholeReadIsAuditedOnceAsWhatTheReaderSaw(backend: TestBackend) async throws {
        try await withTestWorld(backend) { _, world in
            let services = services(world)
            for (role, recordType) in [(Role.practitioner, AuditRecordType.patientClinical), (.reception, .patient)] {
                let before = try await UseCaseDoorTests.newestEvents(world)
                _ = try await services.patients.chart(id: world.ownPatientID, by: actor(world, role), from: "192.0.2.7")
                let after = try await UseCaseDoorTests.newestEvents(world)
                let new = after.filter { event in !before.contains { $0.sequence == event.sequence } }
                #expect(new.count == 1, "one event for \(role)")
                #expect(new.first?.action == AuditAction.patientRead.rawValue)
                #expect(new.first?.recordType == recordType.rawValue)
                #expect(new.first?.patientID == world.ownPatientID)
                #expect(new.first?.clientAddress == "192.0.2.7")
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func receptionGetsContactVisitsAndConsentButNoClinicalPart(backend: TestBackend) async throws {
        try await withTestWorld(backend) { _, world in
            let chart = try await services(world).patients.chart(id: world.ownPatientID, by: actor(world, .reception), from: nil)
            #expect(chart.clinical == nil)
            #expect(chart.consultations.isEmpty)
            #expect(chart.redFlags == nil)
            #expect(chart.currentPlan == nil)
            #expect(chart.courses.isEmpty)
            #expect(!chart.visits.isEmpty, "the desk books and sees visits")
            #expect(!chart.practitioners.isEmpty, "the desk books with a practitioner")
            #expect(chart.checklist == nil, "the checklist is the patient's own")
        }
    }

    @Test(arguments: TestBackend.available)
    func aPatientReadsTheirOwnChartWithTheChecklistAndNoOneElses(backend: TestBackend) async throws {
        try await withTestWorld(backend) { _, world in
            let services = services(world)
            let patient = actor(world, .patient)
            let own = try await services.patients.chart(id: world.ownPatientID, by: patient, from: nil)
            #expect(own.checklist != nil)
            #expect(own.practitioners.isEmpty, "patients book on their own pages")
            await #expect(throws: AccessDenied.self) { try await services.patients.chart(id: world.otherPatientID, by: patient, from: nil) }
        }
    }

    @Test(arguments: TestBackend.available)
    func anotherClinicsOrAnUnknownPatientIsRefusedAsTheRecordReadRefusesIt(backend: TestBackend) async throws {
        try await withTestWorld(backend) { _, world in
            let services = services(world)
            let practitioner = actor(world, .practitioner)
            let before = try await UseCaseDoorTests.newestEvents(world).count
            for id in [world.otherClinicPatientID, UUID()] {
                let byRead = await refusal { _ = try await services.patients.read(id: id, by: practitioner, from: nil) }
                let byChart = await refusal { _ = try await services.patients.chart(id: id, by: practitioner, from: nil) }
                #expect(byChart != nil)
                #expect(byChart == byRead)
            }
            #expect(try await UseCaseDoorTests.newestEvents(world).count == before, "a refused read is not audited as a read")
        }
    }

    /// The type of error `body` throws, nil when it throws none.
    func refusal(_ body: () async throws -> Void) async -> String? {
        do {
            try await body()
            return nil
        } catch {
            return String(describing: type(of: error))
        }
    }
}
