import AcubackCore
import FluentKit
import Foundation

/// What a booking's messages depend on: the clinic's messaging settings and what the patient
/// asked for and has still to do before the first visit.
public struct MessagingContext: Sendable, Equatable {
    public let settings: MessagingSettings
    public let textsWanted: Bool
    public let intakeDone: Bool
}

/// The clinic's messaging settings and a patient's wish for text messages.
public struct MessagingStore: Sendable {
    let store: AcubackDatabase

    public init(_ store: AcubackDatabase) {
        self.store = store
    }

    /// The clinic's settings; `MessagingSettings.standard` until the clinic saves its own.
    public func settings(clinicID: UUID) async throws -> MessagingSettings {
        try await ClinicMessagingModel.find(clinicID, on: store.reader)?.settings ?? .standard
    }

    public func saveSettings(_ settings: MessagingSettings, clinicID: UUID, audit: AuditEntry? = nil, at now: Date = Date()) async throws {
        try settings.validate()
        try await store.change(audit, at: now) { db in
            let row = try await ClinicMessagingModel.find(clinicID, on: db) ?? ClinicMessagingModel()
            row.id = clinicID
            row.confirmByEmail = settings.confirmByEmail
            row.confirmByText = settings.confirmByText
            row.remindByEmail = settings.remindByEmail
            row.remindByText = settings.remindByText
            row.reminderHours = settings.reminderHours
            try await row.save(on: db)
            return ((), clinicID.uuidString)
        }
    }

    /// Whether the patient asked for text messages.
    public func textsWanted(patientID: UUID) async throws -> Bool {
        try await PatientModel.find(patientID, on: store.reader)?.textReminders ?? false
    }

    /// The patient's wish for text messages, and the number to send them to when given (else the
    /// one on record stays); asking for them needs a telephone number.
    public func setTextsWanted(_ wanted: Bool, phone: String? = nil, patientID: UUID, audit: AuditEntry? = nil, at now: Date = Date()) async throws {
        let phone = phone?.trimmingCharacters(in: .whitespaces).nilIfEmpty
        if let phone {
            var errors = FieldErrorCollector()
            PatientIdentityRule.check(phone: phone, into: &errors)
            try errors.throwIfAny()
        }
        try await store.change(audit, at: now) { db in
            guard let patient = try await PatientModel.find(patientID, on: db) else { throw PatientGone() }
            if let phone { patient.phone = phone }
            if wanted, (patient.phone ?? "").isEmpty {
                throw ValidationError(field: "textReminders", rule: "needs a telephone number on the record first")
            }
            patient.textReminders = wanted
            try await patient.save(on: db)
            return ((), patientID.uuidString)
        }
    }

    /// Everything a booking's messages need, read once.
    public func context(clinicID: UUID, patientID: UUID) async throws -> MessagingContext {
        let patient = try await PatientModel.find(patientID, on: store.reader)
        return MessagingContext(
            settings: try await settings(clinicID: clinicID), textsWanted: patient?.textReminders ?? false,
            intakeDone: patient?.intakeCompletedAt != nil)
    }

    /// Whether the patient's intake form has been completed.
    public func intakeDone(patientID: UUID) async throws -> Bool {
        try await PatientModel.find(patientID, on: store.reader)?.intakeCompletedAt != nil
    }
}

extension ClinicMessagingModel {
    var settings: MessagingSettings {
        MessagingSettings(
            confirmByEmail: confirmByEmail, confirmByText: confirmByText, remindByEmail: remindByEmail, remindByText: remindByText,
            reminderHours: reminderHours)
    }
}

extension String {
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
