import AcubackCore
import AcubackStore
import Foundation

/// Exports for other systems and for research: one patient's FHIR Bundle (API and command line),
/// the whole clinic as FHIR Bulk Data files, and the de-identified research dataset. Each export
/// is audited once.
public struct ExportService: Sendable {
    let services: AppServices

    public init(services: AppServices) { self.services = services }

    /// A patient's record as a FHIR R4 Bundle, for a signed-in user who may read it.
    public func patientBundle(id: UUID, by actor: Actor, from address: String?) async throws -> JSONValue {
        let patient = try await services.patients.patient(id: id, for: .readPatientClinical, by: actor)
        let bundle = try await bundle(of: patient, publicURL: services.publicURL)
        try await services.record(
            .patientExportFHIR, by: actor, clinicID: patient.clinicID, patientID: patient.id, recordType: .fhirBundle,
            recordID: bundle["id"]?.stringValue, from: address)
        return bundle
    }

    /// A patient's Bundle from the command line, with links under `publicURL`; nil for an unknown patient.
    public func patientBundle(id: UUID, publicURL: String) async throws -> (PatientRecord, JSONValue)? {
        guard let patient = try await services.patientStore.patient(id: id) else { return nil }
        let bundle = try await bundle(of: patient, publicURL: publicURL)
        try await services.recordCommandLine(.patientExportFHIR, clinicID: patient.clinicID, patientID: patient.id, recordType: .fhirBundle)
        return (patient, bundle)
    }

    private func bundle(of patient: PatientRecord, publicURL: String) async throws -> JSONValue {
        try await FHIRExport(database: services.database, publicURL: publicURL).bundle(for: patient, at: services.now())
    }

    /// Every patient of the clinic as FHIR Bulk Data NDJSON files in `folder`.
    public func clinicBulk(_ clinic: ClinicRecord, to folder: URL, publicURL: String, progress: @escaping @Sendable (Int, Int) -> Void)
        async throws -> FHIRExport.BulkResult
    {
        let result = try await FHIRExport(database: services.database, publicURL: publicURL).bulk(clinicID: clinic.id, to: folder, progress: progress)
        try await services.recordCommandLine(.clinicExportFHIR, clinicID: clinic.id, recordType: .fhirBulk)
        return result
    }

    /// The clinic's de-identified research dataset in `folder`.
    public func research(_ clinic: ClinicRecord, to folder: URL, progress: @escaping @Sendable (Int, Int) -> Void) async throws
        -> ResearchExport.Result
    {
        let result = try await ResearchExport(database: services.database).write(clinicID: clinic.id, to: folder, progress: progress)
        try await services.recordCommandLine(.clinicExportResearch, clinicID: clinic.id, recordType: .researchDataset)
        return result
    }

    /// The clinic to export from the command line: the one named by its slug, or the only one there is.
    public func clinic(slug: String?) async throws -> ClinicRecord {
        let clinics = try await services.accountStore.clinics()
        if let slug {
            guard let clinic = clinics.first(where: { $0.slug == slug }) else {
                throw ValidationError(
                    field: "clinic", rule: "no clinic has the slug '\(slug)' (there are: \(clinics.map(\.slug).joined(separator: ", ")))")
            }
            return clinic
        }
        guard clinics.count == 1 else {
            throw ValidationError(
                field: "clinic", rule: "the database holds \(clinics.count) clinics; name one of \(clinics.map(\.slug).joined(separator: ", "))")
        }
        return clinics[0]
    }
}
