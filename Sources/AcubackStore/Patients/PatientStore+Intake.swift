import AcubackCore
import FluentKit
import FluentSQL
import Foundation
import SQLKit

public struct ConsentRecord: Sendable, Equatable {
    public let id: UUID
    public let version: String
    public let givenAt: Date
    public let recordedBy: UUID?
    /// Nil for consents recorded before the method was kept.
    public let method: ConsentMethod?
    public let signedName: String
    public let reason: String
}

/// A patient with the same name and birth date is already registered in the clinic.
public struct PossibleDuplicatePatient: Error, Sendable, Equatable {
    public let existing: PatientRecord
}

extension PatientStore {
    /// Registers a patient at the desk (no online account). A patient of the clinic with the same
    /// name and birth date is most likely the same person registered before: the desk is told, and
    /// registers again only when it says this is someone else (`allowingDuplicate`).
    public func createPatient(
        clinicID: UUID, givenName: String, familyName: String, birthDate: String, email: String?, phone: String?, today: CalendarDay,
        allowingDuplicate: Bool = false, audit: AuditEntry? = nil, at now: Date = Date()
    ) async throws -> PatientRecord {
        var errors = FieldErrorCollector()
        PatientIdentityRule.check(givenName: givenName, familyName: familyName, birthDate: birthDate, today: today, into: &errors)
        if let phone { PatientIdentityRule.check(phone: phone, into: &errors) }
        if let email, !email.isEmpty {
            do { try EmailRule.check(email) } catch { error.errors.forEach { errors.add($0.field, $0.rule) } }
        }
        try errors.throwIfAny()
        if !allowingDuplicate, let existing = try await PatientModel.query(on: store.fluent).filter(\.$clinic.$id == clinicID)
            .filter(\.$birthDate == birthDate)
            .filter(.sql(embed: "lower(given_name) = \(bind: givenName.trimmingCharacters(in: .whitespaces).lowercased())"))
            .filter(.sql(embed: "lower(family_name) = \(bind: familyName.trimmingCharacters(in: .whitespaces).lowercased())"))
            .first()
        {
            throw PossibleDuplicatePatient(existing: existing.record)
        }
        let patient = PatientModel(
            clinicID: clinicID, userID: nil, givenName: givenName.trimmingCharacters(in: .whitespaces),
            familyName: familyName.trimmingCharacters(in: .whitespaces), birthDate: birthDate,
            email: email.flatMap { $0.isEmpty ? nil : EmailRule.normalized($0) }, phone: phone.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 },
            risks: .none)
        // The id is chosen here so that the audit event names the patient it made.
        patient.id = UUID()
        var audit = audit
        audit?.patientID = patient.id
        return try await store.change(audit, at: now) { db in
            try await patient.create(on: db)
            return (patient.record, patient.id?.uuidString)
        }
    }

    /// Records the intake form's risk factors, checked as the prescription engine reads them.
    /// A week of pregnancy keeps the day it was given, so later sessions count on from it.
    public func updateIntake(patientID: UUID, risks: RiskFactors, at now: Date = Date(), audit: AuditEntry? = nil) async throws {
        var errors = FieldErrorCollector()
        if let week = risks.pregnancyWeek {
            errors.check(Assessment.pregnancyWeeks.contains(week), "pregnancyWeek", "must be from 1 to 42, or empty when not pregnant")
        }
        if let bmi = risks.bmi { errors.check(Assessment.bmiRange.contains(bmi), "bmi", "must be from 10 to 80") }
        risks.checkPregnancyDate(today: CalendarDay(now, in: .gmt), into: &errors)
        try errors.throwIfAny()
        try await store.change(audit, at: now) { db in
            guard let patient = try await PatientModel.find(patientID, on: db) else { throw PatientGone() }
            patient.riskFactors = risks.recordingPregnancy(on: CalendarDay(now, in: .gmt), previous: patient.riskFactors)
            patient.intakeCompletedAt = patient.intakeCompletedAt ?? now
            try await patient.save(on: db)
            return ((), patientID.uuidString)
        }
    }

    public func consents(patientID: UUID) async throws -> [ConsentRecord] {
        try await store.readSQL.raw("SELECT * FROM consents WHERE patient_id = \(bind: patientID) ORDER BY given_at DESC").all()
            .map { try $0.decode(fluentModel: ConsentModel.self).record }
    }
}

/// Thrown inside a change whose patient is gone, so that its audit event rolls back with it.
public struct PatientGone: Error {}
