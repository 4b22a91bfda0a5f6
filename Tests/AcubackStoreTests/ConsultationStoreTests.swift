import AcubackCore
import AcubackTestSupport
import FluentKit
import Foundation
import Testing

@testable import AcubackStore

/// Assessments, red flags, consent texts and session notes on each database, each with its
/// audit event in the same transaction.
@Suite struct ConsultationStoreTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func audit(_ fixture: BookingStoreTests.Fixture, _ action: String) -> AuditEntry {
        AuditEntry(clinicID: fixture.clinic.id, actorUserID: UUID(), actorRole: "practitioner", action: action, patientID: fixture.patient.id, recordType: "test")
    }

    func consultation(bmi: Double, flags: [RedFlag]) -> Consultation {
        Consultation(
            complaint: "Low back ache", assessment: Assessment(regions: [.lower], side: .left, levels: [.L5], onset: .chronic, patient: RiskFactors(bmi: bmi)),
            durationWeeks: 30, redFlags: flags, examination: Examination(rangeOfMovement: "Reduced flexion", straightLegRaiseLeft: 45))
    }

    @Test(arguments: TestBackend.available)
    func assessmentsKeepTheirSnapshotAndScreen(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let fixture = try await BookingStoreTests.Fixture.make(store)
            let consultations = ConsultationStore(store)
            _ = try await consultations.record(
                consultation(bmi: 17, flags: [.saddleNumbness]), patientID: fixture.patient.id, clinicID: fixture.clinic.id,
                practitionerID: fixture.practitioner.id, by: UUID(), at: now, audit: audit(fixture, "assessment.record"))
            _ = try await consultations.record(
                consultation(bmi: 25, flags: []), patientID: fixture.patient.id, clinicID: fixture.clinic.id,
                practitionerID: fixture.practitioner.id, by: UUID(), at: now.addingTimeInterval(60), audit: audit(fixture, "assessment.record"))
            let history = try await consultations.consultations(patientID: fixture.patient.id)
            #expect(history.map(\.consultation.assessment.patient.bmi) == [25, 17])
            #expect(history[1].consultation.redFlags == [.saddleNumbness])
            #expect(history[1].consultation.examination.straightLegRaiseLeft == 45)
            #expect(try await PatientStore(store).clinical(patientID: fixture.patient.id)?.risks.bmi == 25)
            // The flag of the first screen still stands: a later screen without flags does not clear it.
            let flags = try await consultations.redFlags(patientID: fixture.patient.id)
            #expect(flags.screens.count == 2)
            #expect(flags.clearance == .stopped(flags: [.saddleNumbness], referred: false))
            #expect(flags.clearance.isUrgent)
            _ = try await consultations.decide(
                RedFlagDecision(outcome: .cleared, reason: "Numbness was from a tight saddle", decidedAt: now.addingTimeInterval(120)),
                patientID: fixture.patient.id, clinicID: fixture.clinic.id, by: UUID(), name: "Dr Test", audit: audit(fixture, "redFlag.cleared"))
            #expect(try await consultations.redFlags(patientID: fixture.patient.id).clearance == .clear)
            let actions = try await AuditTrail(store).search(.init(clinicID: fixture.clinic.id, patientIDs: [fixture.patient.id])).items.map(\.action)
            #expect(actions == ["redFlag.cleared", "assessment.record", "assessment.record"])
        }
    }

    @Test(arguments: TestBackend.available)
    func aFailedChangeStoresNeitherItNorItsAudit(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let fixture = try await BookingStoreTests.Fixture.make(store)
            await #expect(throws: (any Error).self) {
                _ = try await ConsultationStore(store).record(
                    consultation(bmi: 20, flags: []), patientID: UUID(), clinicID: fixture.clinic.id, practitionerID: fixture.practitioner.id,
                    by: UUID(), at: now, audit: audit(fixture, "assessment.record"))
            }
            #expect(try await AuditTrail(store).search(.init(clinicID: fixture.clinic.id)).total == 0)
        }
    }

    @Test(arguments: TestBackend.available)
    func publishingTheConsentTextMakesANewVersion(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let fixture = try await BookingStoreTests.Fixture.make(store)
            let consents = ConsentStore(store)
            let shipped = try await consents.current(clinicID: fixture.clinic.id)
            #expect(shipped.text == ConsentText.standard)
            #expect(shipped.publishedAt == nil)
            _ = try await consents.sign(
                ConsentSignature(method: .desk, signedName: "Pat Ient"), version: shipped.version, patientID: fixture.patient.id, at: now,
                recordedBy: nil, audit: audit(fixture, "patient.consent"))
            let second = try await consents.publish(text: "Version two.", clinicID: fixture.clinic.id, by: UUID(), at: now, audit: audit(fixture, "consent.publish"))
            let third = try await consents.publish(text: "Version three.", clinicID: fixture.clinic.id, by: UUID(), at: now, audit: audit(fixture, "consent.publish"))
            #expect(Set([shipped.version, second.version, third.version]).count == 3)
            #expect(try await consents.current(clinicID: fixture.clinic.id) == third)
            let given = try await PatientStore(store).consents(patientID: fixture.patient.id)
            #expect(given.map(\.version) == [shipped.version])
            #expect(given.first?.method == .desk)
            await #expect(throws: ValidationError.self) {
                _ = try await consents.publish(text: "  ", clinicID: fixture.clinic.id, by: UUID(), at: now, audit: audit(fixture, "consent.publish"))
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func notesKeepEveryVersion(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let (fixture, session) = try await TreatmentSessionStoreTests().started(store)
            let notes = SessionNoteStore(store)
            _ = try await notes.write(SessionNote(subjective: "First"), sessionID: session.id, amendment: false, by: UUID(), name: "Dr Test", at: now,
                                      audit: audit(fixture, "session.note"))
            _ = try await notes.write(SessionNote(subjective: "Second"), sessionID: session.id, amendment: true, by: UUID(), name: "Dr Test",
                                      at: now.addingTimeInterval(60), audit: audit(fixture, "session.noteAmend"))
            let versions = try await notes.notes(sessionID: session.id)
            #expect(versions.map(\.note.subjective) == ["Second", "First"])
            #expect(versions.map(\.isAmendment) == [true, false])
        }
    }
}
