import AcubackCore
import AcubackStore
import Foundation

/// Patients' records: found, read, registered at the desk and their intake kept. Every read of a
/// record is audited once, here, and every change is stored with its audit event.
public struct PatientService: Sendable {
    let services: AppServices
    var store: PatientStore { services.patientStore }

    public init(services: AppServices) { self.services = services }

    /// A patient as the desk types them.
    public struct NewPatient: Sendable {
        public var givenName, familyName, birthDate: String
        public var email, phone: String?
        /// The desk says this is someone else than the patient with the same name and birth date.
        public var confirmedNotDuplicate: Bool

        public init(
            givenName: String, familyName: String, birthDate: String, email: String?, phone: String?, confirmedNotDuplicate: Bool = false
        ) {
            self.givenName = givenName
            self.familyName = familyName
            self.birthDate = birthDate
            self.email = email
            self.phone = phone
            self.confirmedNotDuplicate = confirmedNotDuplicate
        }
    }

    /// The clinical part of a record: risk factors and the assessments made, newest first.
    public typealias Clinical = (risks: RiskFactors, assessments: [AssessmentRecord])

    /// The patient, when the actor may take `action` on them: the policy decides against the
    /// patient's own clinic, so another clinic's patient is refused; an unknown one is not found
    /// after the same check as one of the actor's own.
    public func patient(id: UUID, for action: Action, by actor: Actor?) async throws -> PatientRecord {
        guard let patient = try await store.patient(id: id) else {
            try AccessPolicy.require(actor, action, .patient(clinicID: actor?.clinicID ?? UUID(), patientID: id))
            throw NotFound(detail: "No such patient")
        }
        try AccessPolicy.require(actor, action, .patient(clinicID: patient.clinicID, patientID: patient.id))
        return patient
    }

    /// A page of the clinic's patients, found by name, email or telephone; the search is audited.
    public func list(matching text: String?, limit: Int, offset: Int, by actor: Actor, from address: String?) async throws
        -> (items: [PatientRecord], total: Int)
    {
        try AccessPolicy.require(actor, .listPatients, .clinic(actor.clinicID))
        let result = try await store.patients(clinicID: actor.clinicID, matching: text, limit: limit, offset: offset)
        try await services.record(.patientList, by: actor, clinicID: actor.clinicID, recordType: .patientList, from: address)
        return (result.items, result.total)
    }

    /// Reads a patient's record, with its clinical part when asked for and the actor may see it;
    /// audited once, as a read of the contact details or of both.
    public func read(id: UUID, clinical withClinical: Bool = true, by actor: Actor, from address: String?) async throws -> (PatientRecord, Clinical?) {
        let patient = try await patient(id: id, for: .readPatientContact, by: actor)
        let target = AccessTarget.patient(clinicID: patient.clinicID, patientID: patient.id)
        let clinical = withClinical && AccessPolicy.decide(actor, .readPatientClinical, target).isAllowed
            ? try await store.clinical(patientID: patient.id) : nil
        try await services.record(
            .patientRead, by: actor, clinicID: patient.clinicID, patientID: patient.id, recordType: clinical == nil ? .patient : .patientClinical,
            recordID: patient.id.uuidString, from: address)
        return (patient, clinical)
    }

    /// Reads the clinical part on its own (the API's clinical view), audited as such.
    public func readClinical(id: UUID, by actor: Actor, from address: String?) async throws -> (PatientRecord, Clinical) {
        let patient = try await patient(id: id, for: .readPatientClinical, by: actor)
        guard let clinical = try await store.clinical(patientID: patient.id) else { throw NotFound(detail: "No such patient") }
        try await services.record(
            .patientReadClinical, by: actor, clinicID: patient.clinicID, patientID: patient.id, recordType: .clinical,
            recordID: patient.id.uuidString, from: address)
        return (patient, clinical)
    }

    /// The clinical part, as part of a read the caller has already audited (a form filled in from it).
    public func clinical(of patient: PatientRecord, by actor: Actor) async throws -> Clinical? {
        try AccessPolicy.require(actor, .readPatientClinical, .patient(clinicID: patient.clinicID, patientID: patient.id))
        return try await store.clinical(patientID: patient.id)
    }

    /// The consents the patient has given, newest first, as part of a read of their record.
    public func consents(of patient: PatientRecord, by actor: Actor) async throws -> [ConsentRecord] {
        try AccessPolicy.require(actor, .readPatientContact, .patient(clinicID: patient.clinicID, patientID: patient.id))
        return try await store.consents(patientID: patient.id)
    }

    /// Registers a patient at the desk. A likely duplicate is refused with `PossibleDuplicatePatient`
    /// until the desk confirms it is someone else.
    public func create(_ input: NewPatient, by actor: Actor, from address: String?) async throws -> PatientRecord {
        try AccessPolicy.require(actor, .listPatients, .clinic(actor.clinicID))
        let zone = try await services.clinic.settings(clinicID: actor.clinicID).zone
        let now = services.now()
        return try await store.createPatient(
            clinicID: actor.clinicID, givenName: input.givenName, familyName: input.familyName, birthDate: input.birthDate,
            email: input.email, phone: input.phone, today: CalendarDay(now, in: zone), allowingDuplicate: input.confirmedNotDuplicate,
            audit: services.entry(.patientCreate, by: actor, clinicID: actor.clinicID, recordType: .patient, from: address), at: now)
    }

    /// Records the intake form's risk factors; answers the clinical part as it now stands.
    @discardableResult
    public func updateIntake(_ risks: RiskFactors, of patientID: UUID, by actor: Actor, from address: String?) async throws -> Clinical {
        let patient = try await patient(id: patientID, for: .changePatientClinical, by: actor)
        try await store.updateIntake(
            patientID: patient.id, risks: risks, at: services.now(),
            audit: services.entry(
                .patientUpdateIntake, by: actor, clinicID: patient.clinicID, patientID: patient.id, recordType: .clinical, from: address))
        guard let clinical = try await store.clinical(patientID: patient.id) else { throw NotFound(detail: "No such patient") }
        return clinical
    }
}
