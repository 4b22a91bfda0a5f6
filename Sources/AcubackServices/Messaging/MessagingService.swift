import AcubackCore
import AcubackStore
import Foundation

/// What the clinic sends about bookings, a patient's wish for text messages, and what a patient
/// still has to do before the first visit. Each change checks access, validates and is stored
/// with its audit event.
public struct MessagingService: Sendable {
    public let services: AppServices

    public init(services: AppServices) { self.services = services }

    var store: MessagingStore { services.messagingStore }

    /// The clinic's messaging settings (staff see them; the admin changes them).
    public func settings(by actor: Actor) async throws -> MessagingSettings {
        try AccessPolicy.require(actor, .listPatients, .clinic(actor.clinicID))
        return try await store.settings(clinicID: actor.clinicID)
    }

    public func save(_ settings: MessagingSettings, by actor: Actor, from address: String?) async throws {
        try AccessPolicy.require(actor, .manageUsers, .clinic(actor.clinicID))
        try settings.validate()
        try await store.saveSettings(
            settings, clinicID: actor.clinicID,
            audit: services.entry(.clinicMessaging, by: actor, clinicID: actor.clinicID, recordType: .clinic, from: address), at: services.now())
    }

    /// Whether the patient asked for text messages; whoever may read their contact details may see it.
    public func textsWanted(of patient: PatientRecord, by actor: Actor) async throws -> Bool {
        try AccessPolicy.require(actor, .readPatientContact, .patient(clinicID: patient.clinicID, patientID: patient.id))
        return try await store.textsWanted(patientID: patient.id)
    }

    /// The patient opts in to or out of text messages: themselves in the portal, or the desk for
    /// them, giving the number to send them to when it is new. Opting in needs a telephone number.
    public func setTextsWanted(_ wanted: Bool, phone: String? = nil, for patient: PatientRecord, by actor: Actor, from address: String?) async throws {
        try AccessPolicy.require(actor, .changePatientContact, .patient(clinicID: patient.clinicID, patientID: patient.id))
        do {
            try await store.setTextsWanted(
                wanted, phone: phone, patientID: patient.id,
                audit: services.entry(
                    .patientTextReminders, by: actor, clinicID: patient.clinicID, patientID: patient.id, recordType: .patient, from: address),
                at: services.now())
        } catch is PatientGone {
            throw NotFound(detail: "No such patient")
        }
    }

    /// What is still to do before the first visit: the intake form and consent to the current text.
    public func checklist(for patient: PatientRecord, by actor: Actor) async throws -> FirstVisitChecklist {
        try AccessPolicy.require(actor, .readPatientContact, .patient(clinicID: patient.clinicID, patientID: patient.id))
        return try await Self.checklist(patientID: patient.id, clinicID: patient.clinicID, intakeDone: nil, services: services)
    }

    static func checklist(patientID: UUID, clinicID: UUID, intakeDone known: Bool?, services: AppServices) async throws -> FirstVisitChecklist {
        let current = try await services.consentStore.current(clinicID: clinicID).version
        let given = try await services.patientStore.consents(patientID: patientID)
        let intakeDone: Bool
        if let known { intakeDone = known } else { intakeDone = try await services.messagingStore.intakeDone(patientID: patientID) }
        return FirstVisitChecklist(intakeDone: intakeDone, consentDone: given.contains { $0.version == current })
    }
}
