import Foundation
import Testing

@testable import AcubackCore

@Suite struct AccessPolicyTests {
    static let clinic = UUID()
    static let otherClinic = UUID()
    static let ownPatient = UUID()
    static let otherPatient = UUID()

    static func actor(_ role: Role, clinic: UUID = clinic) -> Actor {
        Actor(userID: UUID(), role: role, clinicID: clinic, patientID: role == .patient ? ownPatient : nil)
    }

    @Test func anyoneReadsPublicThings() {
        #expect(AccessPolicy.decide(nil, .readPublic) == .allow)
        for role in Role.allCases { #expect(AccessPolicy.decide(Self.actor(role), .readPublic) == .allow) }
    }

    @Test(arguments: Action.allCases.filter { $0 != .readPublic })
    func everythingElseNeedsSignIn(action: Action) {
        #expect(AccessPolicy.decide(nil, action, .patient(clinicID: Self.clinic, patientID: Self.ownPatient)) == .signInRequired)
    }

    /// Role × action on a patient of the actor's own clinic (the patient's own record for patients).
    @Test(arguments: Role.allCases)
    func whoMayDoWhatInTheirClinic(role: Role) {
        let expected: [Action: Set<Role>] = [
            .planTreatment: [.practitioner, .admin],
            .listPatients: [.reception, .practitioner, .admin],
            .readPatientContact: [.patient, .reception, .practitioner, .admin],
            .readPatientClinical: [.patient, .practitioner, .admin],
            .changePatientClinical: [.patient, .practitioner, .admin],
            .readSchedule: [.reception, .practitioner, .admin],
            .manageUsers: [.admin],
            .readAudit: [.admin],
            .readOwnRecord: [.patient],
            .recordCheckIn: [.patient, .reception, .practitioner, .admin],
            .readIncidents: [.admin],
            .recordOutcome: [.practitioner, .admin],
            .readAnalytics: [.practitioner, .admin],
        ]
        for (action, roles) in expected {
            let target: AccessTarget = .patient(clinicID: Self.clinic, patientID: Self.ownPatient)
            #expect(AccessPolicy.decide(Self.actor(role), action, target).isAllowed == roles.contains(role), "\(role) \(action)")
        }
    }

    @Test func patientsSeeOnlyTheirOwnRecords() {
        let patient = Self.actor(.patient)
        #expect(AccessPolicy.decide(patient, .readPatientClinical, .patient(clinicID: Self.clinic, patientID: Self.ownPatient)) == .allow)
        #expect(!AccessPolicy.decide(patient, .readPatientClinical, .patient(clinicID: Self.clinic, patientID: Self.otherPatient)).isAllowed)
        #expect(!AccessPolicy.decide(patient, .readPatientContact, .patient(clinicID: Self.clinic, patientID: Self.otherPatient)).isAllowed)
    }

    @Test(arguments: [Role.reception, .practitioner, .admin])
    func staffSeeTheirOwnClinicOnly(role: Role) {
        let staff = Self.actor(role)
        #expect(AccessPolicy.decide(staff, .readPatientContact, .patient(clinicID: Self.clinic, patientID: Self.otherPatient)) == .allow)
        #expect(!AccessPolicy.decide(staff, .readPatientContact, .patient(clinicID: Self.otherClinic, patientID: Self.otherPatient)).isAllowed)
        #expect(!AccessPolicy.decide(staff, .listPatients, .clinic(Self.otherClinic)).isAllowed)
    }

    @Test func receptionSeesContactButNotClinicalNotes() {
        let reception = Self.actor(.reception)
        let target = AccessTarget.patient(clinicID: Self.clinic, patientID: Self.otherPatient)
        #expect(AccessPolicy.decide(reception, .readPatientContact, target) == .allow)
        #expect(!AccessPolicy.decide(reception, .readPatientClinical, target).isAllowed)
    }

    @Test func onlyTheSessionsOwnPractitionerTreats() {
        let own = UUID()
        let practitioner = Actor(userID: UUID(), role: .practitioner, clinicID: Self.clinic, practitionerID: own)
        let colleague = Actor(userID: UUID(), role: .practitioner, clinicID: Self.clinic, practitionerID: UUID())
        let adminWhoTreats = Actor(userID: UUID(), role: .admin, clinicID: Self.clinic, practitionerID: own)
        let target = AccessTarget.session(clinicID: Self.clinic, practitionerID: own)
        #expect(AccessPolicy.decide(practitioner, .treatPatient, target) == .allow)
        #expect(AccessPolicy.decide(adminWhoTreats, .treatPatient, target) == .allow)
        #expect(AccessPolicy.decide(colleague, .treatPatient, target) == .deny("another practitioner's session"))
        #expect(!AccessPolicy.decide(Self.actor(.admin), .treatPatient, target).isAllowed)
        #expect(!AccessPolicy.decide(Self.actor(.reception), .treatPatient, target).isAllowed)
        #expect(!AccessPolicy.decide(Self.actor(.patient), .treatPatient, target).isAllowed)
        let elsewhere = Actor(userID: UUID(), role: .practitioner, clinicID: Self.otherClinic, practitionerID: own)
        #expect(!AccessPolicy.decide(elsewhere, .treatPatient, target).isAllowed)
    }
}
