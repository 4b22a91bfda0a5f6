import AcubackCore
import FluentKit
import FluentSQL
import Foundation
import SQLKit

/// The clinic's versioned consent text and the patients' consents to it.
public struct ConsentStore: Sendable {
    let store: AcubackDatabase

    public init(_ store: AcubackDatabase) {
        self.store = store
    }

    /// The version patients are asked to consent to now, with its text. A clinic that has not
    /// published its own text uses the one Acuback ships.
    public func current(clinicID: UUID) async throws -> ConsentTextRecord {
        // One plain-SQL read of the current version's text, which the chart page makes on every view.
        let row = try await store.readSQL.raw("""
            SELECT s.consent_version AS version, t.text AS text, t.published_at AS published_at
            FROM clinic_settings s LEFT JOIN consent_texts t ON t.clinic_id = s.id AND t.version = s.consent_version
            WHERE s.id = \(bind: clinicID)
            """).first()
        let version = try row?.decode(column: "version", as: String?.self) ?? ConsentText.defaultVersion
        guard let row, let text = try row.decode(column: "text", as: String?.self) else {
            return ConsentTextRecord(version: version, text: ConsentText.standard, publishedAt: nil)
        }
        return ConsentTextRecord(version: version, text: text, publishedAt: try row.decode(column: "published_at", as: Date?.self))
    }

    func text(clinicID: UUID, version: String, on db: any Database) async throws -> ConsentTextRecord {
        if let model = try await ConsentTextModel.query(on: db).filter(\.$clinicID == clinicID).filter(\.$version == version).first() {
            return ConsentTextRecord(version: model.version, text: model.text, publishedAt: model.publishedAt)
        }
        return ConsentTextRecord(version: version, text: ConsentText.standard, publishedAt: nil)
    }

    /// Publishes a new version of the text, which every patient is then asked to consent to again.
    public func publish(text: String, clinicID: UUID, by userID: UUID, at now: Date, audit: AuditEntry) async throws -> ConsentTextRecord {
        let body = text.trimmingCharacters(in: .whitespacesAndNewlines)
        var errors = FieldErrorCollector()
        errors.check(!body.isEmpty, "text", "is required: the consent text patients read")
        errors.check(body.count <= ConsentText.limit, "text", "must be at most \(ConsentText.limit) characters")
        try errors.throwIfAny()
        let year = Calendar(identifier: .gregorian).dateComponents(in: .gmt, from: now).year ?? 2026
        return try await store.audited(audit, at: now) { db in
            let settings = try await ClinicStore.settingsModel(clinicID: clinicID, on: db)
            let taken = Set(try await ConsentTextModel.query(on: db).filter(\.$clinicID == clinicID).all().map(\.version))
                .union([settings.consentVersion])
            let version = (1...).lazy.map { "\(year)-\($0)" }.first { !taken.contains($0) }!
            let model = ConsentTextModel()
            model.clinicID = clinicID
            model.version = version
            model.text = body
            model.publishedAt = now
            model.publishedBy = userID
            try await model.create(on: db)
            settings.consentVersion = version
            try await settings.save(on: db)
            // The consent version is one of the clinic's settings, which are cached by directory version.
            try await ClinicStore.raiseDirectoryVersion(on: db)
            return (ConsentTextRecord(version: version, text: body, publishedAt: now), version)
        }
    }

    /// Records the patient's consent to `version`, with its audit event.
    public func sign(
        _ signature: ConsentSignature, version: String, patientID: UUID, at now: Date, recordedBy: UUID?, audit: AuditEntry
    ) async throws -> ConsentRecord {
        try await store.audited(audit, at: now) { db in
            let consent = ConsentModel()
            consent.$patient.id = patientID
            consent.version = version
            consent.givenAt = now
            consent.recordedBy = recordedBy
            consent.method = signature.method
            consent.signedName = signature.signedName.isEmpty ? nil : signature.signedName
            consent.reason = signature.reason.isEmpty ? nil : signature.reason
            try await consent.create(on: db)
            return (consent.record, version)
        }
    }
}

extension ConsentModel {
    var record: ConsentRecord {
        ConsentRecord(
            id: id!, version: version, givenAt: givenAt, recordedBy: recordedBy, method: method, signedName: signedName ?? "", reason: reason ?? "")
    }
}
