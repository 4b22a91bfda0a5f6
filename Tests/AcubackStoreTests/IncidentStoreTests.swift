import AcubackCore
import AcubackTestSupport
import FluentKit
import Foundation
import Testing

@testable import AcubackStore

/// An incident followed from open to closed: owner, append-only notes, an outcome to close.
@Suite struct IncidentStoreTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// An open incident on a started session, and an admin and a patient user of the clinic.
    func incident(_ store: AcubackDatabase) async throws -> (clinicID: UUID, incidentID: UUID, admin: UserRecord, patient: UserRecord) {
        let (fixture, session) = try await TreatmentSessionStoreTests().started(store)
        let model = IncidentModel(
            clinicID: fixture.clinic.id, patientID: fixture.patient.id, sessionID: session.id, kind: .needleLost,
            detail: "1 needle(s) not found", occurredAt: now, reportedBy: UUID())
        try await model.create(on: store.fluent)
        let accounts = AccountStore(store)
        let admin = try await accounts.createUser(clinicID: fixture.clinic.id, email: "admin@example.org", displayName: "Ada Admin", role: .admin, passwordHash: nil)
        let patient = try await accounts.createUser(clinicID: fixture.clinic.id, email: "pat@example.org", displayName: "Pat", role: .patient, passwordHash: nil)
        return (fixture.clinic.id, model.id!, admin, patient)
    }

    func audit(_ clinicID: UUID) -> AuditEntry {
        AuditEntry(clinicID: clinicID, actorUserID: nil, actorRole: "admin", action: "incident.followUp", recordType: "incident")
    }

    @Test(arguments: TestBackend.available)
    func anIncidentIsFollowedUpToClosed(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let (clinicID, id, admin, _) = try await incident(store)
            let incidents = IncidentStore(store)
            #expect(try await incidents.incidents(clinicID: clinicID, unresolved: true).map(\.status) == [.open])
            let author = (admin.id, admin.displayName)
            let investigating = try await incidents.followUp(
                id: id, clinicID: clinicID, IncidentFollowUp(status: .investigating, ownerUserID: admin.id, note: "Called the patient."),
                by: author, at: now, audit: audit(clinicID))
            #expect(investigating?.status == .investigating && investigating?.ownerName == "Ada Admin")
            let closed = try await incidents.followUp(
                id: id, clinicID: clinicID,
                IncidentFollowUp(status: .closed, ownerUserID: admin.id, note: "Found in the gown.", outcome: "Needle found and disposed of."),
                by: author, at: now.addingTimeInterval(60), audit: audit(clinicID))
            #expect(closed?.status == .closed && closed?.outcome == "Needle found and disposed of." && closed?.closedAt == now.addingTimeInterval(60))
            #expect(closed?.notes.map(\.text) == ["Called the patient.", "Found in the gown."])
            #expect(closed?.notes.allSatisfy { $0.authorName == "Ada Admin" } == true)
            #expect(try await incidents.incidents(clinicID: clinicID, unresolved: true).isEmpty, "closed ones leave the default list")
            #expect(try await incidents.incidents(clinicID: clinicID).count == 1)
            #expect(try await AuditTrail(store).search(.init(clinicID: clinicID)).items.filter { $0.action == "incident.followUp" }.count == 2)
        }
    }

    @Test(arguments: TestBackend.available)
    func badStepsAreRefusedByFieldAndStoreNothing(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let (clinicID, id, admin, patient) = try await incident(store)
            let incidents = IncidentStore(store)
            let author = (admin.id, admin.displayName)
            await #expect(throws: ValidationError(field: "outcome", rule: "is required to close the incident: say how it was resolved")) {
                try await incidents.followUp(id: id, clinicID: clinicID, IncidentFollowUp(status: .closed, ownerUserID: nil, note: "Done?"), by: author, at: now, audit: audit(clinicID))
            }
            await #expect(throws: ValidationError(field: "owner", rule: "must be a staff member of this clinic")) {
                try await incidents.followUp(
                    id: id, clinicID: clinicID, IncidentFollowUp(status: .investigating, ownerUserID: patient.id, note: "Patient owns it"), by: author, at: now,
                    audit: audit(clinicID))
            }
            let unchanged = try await incidents.incident(id: id, clinicID: clinicID)
            #expect(unchanged?.status == .open && unchanged?.ownerUserID == nil && unchanged?.notes.isEmpty == true)
            #expect(try await AuditTrail(store).search(.init(clinicID: clinicID)).items.filter { $0.action == "incident.followUp" }.isEmpty)
            // Another clinic cannot reach it.
            #expect(try await incidents.incident(id: id, clinicID: UUID()) == nil)
        }
    }
}
