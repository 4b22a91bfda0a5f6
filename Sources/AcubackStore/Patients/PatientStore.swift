import AcubackCore
import FluentKit
import FluentSQL
import SQLKit
import Foundation

/// A patient's identity and contact details: what reception may see.
public struct PatientRecord: Sendable, Equatable, Codable {
    public let id: UUID
    public let clinicID: UUID
    public let givenName: String
    public let familyName: String
    public let birthDate: String
    public let email: String?
    public let phone: String?

    public var name: String { "\(givenName) \(familyName)" }
}

/// An assessment as recorded at a consultation.
public struct AssessmentRecord: Sendable, Equatable {
    public let id: UUID
    public let recordedAt: Date
    public let assessment: Assessment
    public let complaint: String
}

/// Patients and their clinical records.
public struct PatientStore: Sendable {
    let store: AcubackDatabase

    public init(_ store: AcubackDatabase) {
        self.store = store
    }

    /// Patients of a clinic by family name, optionally matching what reception typed: words of the
    /// name in any order, the e-mail, the birth date or year, or the phone number.
    public func patients(clinicID: UUID, matching text: String? = nil, limit: Int = 100, offset: Int = 0) async throws
        -> (items: [PatientRecord], total: Int)
    {
        let query = PatientModel.query(on: try store.reader).filter(\.$clinic.$id == clinicID)
        let typed = (text ?? "").lowercased()
        let compact = typed.filter { !" -()+".contains($0) }
        let isDate = CalendarDay(typed.trimmingCharacters(in: .whitespaces)) != nil
        if compact.count >= 6, compact.allSatisfy(\.isNumber), !isDate {
            // A phone number, however it was spaced; without the leading 0 of a national number,
            // so "07700 900123" finds "+44 7700 900123".
            let digits = String(compact.drop { $0 == "0" })
            query.filter(.sql(embed: "\(unsafeRaw: Self.phoneDigits) LIKE \(bind: "%" + digits + "%")"))
        } else {
            // Each word must match the given or family name (so a name in any order), the e-mail or
            // the birth date (a year, or the whole date).
            for word in typed.split(whereSeparator: \.isWhitespace).prefix(6) {
                // What was typed is matched as text: %, _ and \ lose their LIKE meaning.
                let escaped = word.replacingOccurrences(of: "\\", with: "\\\\")
                    .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
                query.group(.or) { group in
                    for column in ["lower(given_name)", "lower(family_name)", "lower(coalesce(email, ''))", "birth_date"] {
                        group.filter(.sql(embed: "\(unsafeRaw: column) LIKE \(bind: "%\(escaped)%") ESCAPE '\\'"))
                    }
                }
            }
        }
        let total = try await query.copy().count()
        let items = try await query.sort(\.$familyName).sort(\.$givenName).sort(\.$id).range(offset..<(offset + limit)).all().map(\.record)
        return (items, total)
    }

    /// The phone number without the spaces, dashes, brackets and plus sign people type in it.
    static let phoneDigits = "replace(replace(replace(replace(replace(coalesce(phone, ''), ' ', ''), '-', ''), '(', ''), ')', ''), '+', '')"

    public func patient(id: UUID) async throws -> PatientRecord? {
        try await store.readSQL.raw("SELECT * FROM patients WHERE id = \(bind: id)").first()
            .map { try $0.decode(fluentModel: PatientModel.self).record }
    }

    /// Several patients by id in one query, keyed by id; unknown ids are left out.
    public func patients(ids: Set<UUID>) async throws -> [UUID: PatientRecord] {
        guard !ids.isEmpty else { return [:] }
        let records = try await PatientModel.query(on: store.reader).filter(\.$id ~~ ids).all().map(\.record)
        return Dictionary(uniqueKeysWithValues: records.map { ($0.id, $0) })
    }

    /// The patient's risk factors and assessments, newest first.
    public func clinical(patientID: UUID) async throws -> (risks: RiskFactors, assessments: [AssessmentRecord])? {
        let db = try store.reader
        guard let patient = try await PatientModel.find(patientID, on: db) else { return nil }
        let risks = patient.riskFactors
        let assessments = try await AssessmentModel.query(on: db).filter(\.$patient.$id == patientID)
            .sort(\.$recordedAt, .descending).all()
            .map { AssessmentRecord(id: $0.id!, recordedAt: $0.recordedAt, assessment: $0.assessment(risks: risks), complaint: $0.complaint) }
        return (risks, assessments)
    }
}

extension PatientModel {
    var record: PatientRecord {
        PatientRecord(
            id: id!, clinicID: $clinic.id, givenName: givenName, familyName: familyName, birthDate: birthDate,
            email: email, phone: phone)
    }
}
