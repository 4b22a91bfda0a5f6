import AcubackCore
import FluentKit
import Foundation

/// Clinic settings, rooms, practitioners with their hours, leave and certificates.
public struct ClinicStore: Sendable {
    let store: AcubackDatabase

    public init(_ store: AcubackDatabase) {
        self.store = store
    }

    // MARK: - Settings

    public func settings(clinicID: UUID) async throws -> ClinicSettings {
        try await directory(clinicID: clinicID).settings
    }

    static func settings(clinicID: UUID, on db: any Database) async throws -> ClinicSettings {
        let zone = try await ClinicModel.find(clinicID, on: db)?.timeZone ?? "UTC"
        let holidays = try await Self.holidays(clinicID: clinicID, on: db)
        guard let row = try await ClinicSettingsModel.find(clinicID, on: db) else { return ClinicSettings(timeZone: zone, holidays: holidays) }
        return ClinicSettings(
            timeZone: zone, openingHours: (try? WeeklyHours.parse(row.openingHours, field: "openingHours")) ?? .standardClinic,
            consultationMinutes: row.consultationMinutes, treatmentMinutes: row.treatmentMinutes,
            reviewMinutes: row.reviewMinutes, noticeHours: row.noticeHours, consentVersion: row.consentVersion,
            openFirstConsultations: row.openFirstConsultations, patientsBookTreatments: row.patientsBookTreatments,
            contact: ClinicContact(name: row.publicName ?? "", address: row.address ?? "", phone: row.phone ?? ""),
            holidays: holidays)
    }

    /// The clinic's name, address and telephone for the public pages.
    public func contact(clinicID: UUID) async throws -> ClinicContact {
        try await settings(clinicID: clinicID).contact
    }

    /// The clinic's settings row, or a new one holding the defaults when the clinic has none yet.
    static func settingsModel(clinicID: UUID, on db: any Database) async throws -> ClinicSettingsModel {
        if let row = try await ClinicSettingsModel.find(clinicID, on: db) { return row }
        let defaults = ClinicSettings(timeZone: "UTC")
        let row = ClinicSettingsModel()
        row.id = clinicID
        row.openingHours = defaults.openingHours.text
        row.consultationMinutes = defaults.consultationMinutes
        row.treatmentMinutes = defaults.treatmentMinutes
        row.reviewMinutes = defaults.reviewMinutes
        row.noticeHours = defaults.noticeHours
        row.consentVersion = defaults.consentVersion
        row.openFirstConsultations = defaults.openFirstConsultations
        row.patientsBookTreatments = defaults.patientsBookTreatments
        return row
    }

    /// Saves the settings (holidays are kept apart, see `addHoliday`); with `audit`, the event
    /// commits with the change.
    public func saveSettings(_ settings: ClinicSettings, clinicID: UUID, audit: AuditEntry? = nil, at now: Date = Date()) async throws {
        try settings.validate()
        let contact = settings.contact.trimmed
        try await change(audit, at: now) { db in
            guard let clinic = try await ClinicModel.find(clinicID, on: db) else { return ((), nil) }
            clinic.timeZone = settings.timeZone
            try await clinic.save(on: db)
            let row = try await Self.settingsModel(clinicID: clinicID, on: db)
            row.openingHours = settings.openingHours.text
            row.consultationMinutes = settings.consultationMinutes
            row.treatmentMinutes = settings.treatmentMinutes
            row.reviewMinutes = settings.reviewMinutes
            row.noticeHours = settings.noticeHours
            row.consentVersion = settings.consentVersion
            row.openFirstConsultations = settings.openFirstConsultations
            row.patientsBookTreatments = settings.patientsBookTreatments
            row.publicName = contact.name.isEmpty ? nil : contact.name
            row.address = contact.address.isEmpty ? nil : contact.address
            row.phone = contact.phone.isEmpty ? nil : contact.phone
            try await row.save(on: db)
            return ((), clinicID.uuidString)
        }
    }

    /// Every change to settings, holidays, rooms or practitioners: it raises the directory
    /// version in its own commit, so no cached copy outlives it (`ClinicStore+Directory`).
    func change<T: Sendable>(
        _ audit: AuditEntry?, at now: Date, _ work: @escaping @Sendable (any Database) async throws -> (T, recordID: String?)
    ) async throws -> T {
        try await store.change(audit, at: now) { db in
            let result = try await work(db)
            try await Self.raiseDirectoryVersion(on: db)
            return result
        }
    }

    // MARK: - Practitioners

    public func practitioners(clinicID: UUID) async throws -> [PractitionerRecord] {
        try await directory(clinicID: clinicID).practitioners
    }

    static func practitioners(clinicID: UUID, on db: any Database) async throws -> [PractitionerRecord] {
        let models = try await PractitionerModel.query(on: db).filter(\.$clinic.$id == clinicID).sort(\.$displayName).all()
        let ids = models.compactMap(\.id)
        // Grouped once: filtering per practitioner was quadratic, and a clinic can have hundreds.
        let certificates = Dictionary(grouping: try await CertificateModel.query(on: db).filter(\.$practitioner.$id ~~ ids).sort(\.$validTo).all(),
                                      by: \.$practitioner.id)
        let exceptions = Dictionary(
            grouping: try await AvailabilityExceptionModel.query(on: db).filter(\.$practitioner.$id ~~ ids).sort(\.$firstDay).all(), by: \.$practitioner.id)
        return models.map { model in
            model.record(certificates: certificates[model.id!] ?? [], exceptions: exceptions[model.id!] ?? [])
        }
    }

    public func practitioner(id: UUID) async throws -> PractitionerRecord? {
        let db = try store.reader
        guard let model = try await PractitionerModel.find(id, on: db) else { return nil }
        let certificates = try await CertificateModel.query(on: db).filter(\.$practitioner.$id == id).sort(\.$validTo).all()
        let exceptions = try await AvailabilityExceptionModel.query(on: db).filter(\.$practitioner.$id == id).sort(\.$firstDay).all()
        return model.record(certificates: certificates, exceptions: exceptions)
    }

    public func createPractitioner(
        clinicID: UUID, userID: UUID?, name: String, profession: String, biography: String = "", practisingSince: Int,
        hours: WeeklyHours = .standardPractitioner, audit: AuditEntry? = nil, at now: Date = Date()
    ) async throws -> PractitionerRecord {
        var errors = FieldErrorCollector()
        errors.check(!name.trimmingCharacters(in: .whitespaces).isEmpty, "name", "must not be empty")
        errors.check(!profession.trimmingCharacters(in: .whitespaces).isEmpty, "profession", "must not be empty")
        errors.check((1950...2100).contains(practisingSince), "practisingSince", "must be a year such as 2012")
        try errors.throwIfAny()
        let model = PractitionerModel(
            clinicID: clinicID, userID: userID, displayName: name, profession: profession, biography: biography,
            practisingSince: practisingSince)
        model.weeklyHours = hours.text
        return try await change(audit, at: now) { db in
            try await model.create(on: db)
            return (model.record(certificates: [], exceptions: []), model.id?.uuidString)
        }
    }

    public func setHours(practitionerID: UUID, hours: WeeklyHours, audit: AuditEntry? = nil, at now: Date = Date()) async throws {
        try await change(audit, at: now) { db in
            guard let model = try await PractitionerModel.find(practitionerID, on: db) else { return ((), nil) }
            model.weeklyHours = hours.text
            try await model.save(on: db)
            return ((), practitionerID.uuidString)
        }
    }

    public func addException(
        practitionerID: UUID, _ exception: AvailabilityException, audit: AuditEntry? = nil, at now: Date = Date()
    ) async throws {
        var errors = FieldErrorCollector()
        errors.check(exception.firstDay <= exception.lastDay, "lastDay", "must not be before the first day")
        errors.check(!exception.reason.trimmingCharacters(in: .whitespaces).isEmpty, "reason", "must not be empty")
        try errors.throwIfAny()
        let model = AvailabilityExceptionModel()
        model.$practitioner.id = practitionerID
        model.firstDay = exception.firstDay.description
        model.lastDay = exception.lastDay.description
        model.reason = exception.reason
        try await change(audit, at: now) { db in
            try await model.create(on: db)
            return ((), practitionerID.uuidString)
        }
    }

    // MARK: - Certificates

    public func addCertificate(
        practitionerID: UUID, _ certificate: Certificate, audit: AuditEntry? = nil, at now: Date = Date()
    ) async throws -> CertificateRecord {
        try certificate.validate()
        if try await CertificateModel.query(on: store.fluent).filter(\.$issuingBody == certificate.issuingBody)
            .filter(\.$number == certificate.number).first() != nil {
            throw ValidationError(field: "number", rule: "\(certificate.issuingBody) number \(certificate.number) is already recorded")
        }
        let model = CertificateModel(practitionerID: practitionerID, certificate)
        return try await change(audit, at: now) { db in
            try await model.create(on: db)
            return (CertificateRecord(id: model.id!, practitionerID: practitionerID, certificate: model.certificate), model.id?.uuidString)
        }
    }

    /// Marks a certificate as checked with the issuing body.
    public func verifyCertificate(id: UUID, by: String, at: Date, audit: AuditEntry? = nil) async throws -> CertificateRecord? {
        do {
            return try await change(audit, at: at) { db in
            // Nothing stored, and no audit event, for a certificate that is not there.
            guard let model = try await CertificateModel.find(id, on: db) else { throw CertificateMissing() }
            model.verifiedBy = by
            model.verifiedAt = at
            try await model.save(on: db)
            return (CertificateRecord(id: id, practitionerID: model.$practitioner.id, certificate: model.certificate), id.uuidString)
            }
        } catch is CertificateMissing {
            return nil
        }
    }

    /// Certificates of the clinic's practitioners whose validity ends within `days` of `today`
    /// (or has ended), soonest first.
    public func certificatesExpiring(clinicID: UUID, within days: Int, today: CalendarDay) async throws
        -> [(practitioner: PractitionerRecord, certificate: CertificateRecord)]
    {
        let limit = today.adding(days: days)
        return try await practitioners(clinicID: clinicID).flatMap { practitioner in
            practitioner.certificates.filter { $0.certificate.validTo <= limit && $0.certificate.validTo >= today }
                .map { (practitioner, $0) }
        }.sorted { $0.certificate.certificate.validTo < $1.certificate.certificate.validTo }
    }
}

/// Thrown inside a verification's transaction so that its audit event rolls back with it.
struct CertificateMissing: Error {}
