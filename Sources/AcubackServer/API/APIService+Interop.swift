import AcubackServices
import AcubackAPI
import AcubackCore
import AcubackStore
import Foundation
import OpenAPIRuntime

/// FHIR and research exports.
extension APIService {
    var fhir: FHIRExport { FHIRExport(database: services.database, publicURL: services.publicURL) }

    func exportPatientFHIR(_ input: Operations.ExportPatientFHIR.Input) async throws -> Operations.ExportPatientFHIR.Output {
        let actor = try actor
        guard let patient = try await visiblePatient(input.path.patientId, .readPatientClinical, actor) else {
            throw NotFound(detail: "No such patient")
        }
        let bundle = try await fhir.bundle(for: patient, at: services.now())
        try await services.record(
            "patient.export-fhir", by: actor, clinicID: patient.clinicID, patientID: patient.id, recordType: "fhir-bundle",
            recordID: bundle["id"]?.stringValue, from: RequestActor.clientAddress)
        let body: Components.Schemas.FHIRBundle = try JSONBridge.convert(bundle)
        return .ok(.init(body: .applicationFhirJson(body)))
    }
}

extension APIService {
    var stricta: StrictaService { StrictaService(services: services) }

    func getCourseStricta(_ input: Operations.GetCourseStricta.Input) async throws -> Operations.GetCourseStricta.Output {
        let (report, _) = try await stricta.course(try courseID(input.path.courseId), by: try actor, from: RequestActor.clientAddress)
        return .ok(.init(body: .json(try JSONBridge.convert(report))))
    }

    func getSessionStrictaReport(_ input: Operations.GetSessionStrictaReport.Input) async throws -> Operations.GetSessionStrictaReport.Output {
        let (report, _) = try await stricta.session(try sessionID(input.path.sessionId), by: try actor, from: RequestActor.clientAddress)
        return .ok(.init(body: .json(try JSONBridge.convert(report))))
    }
}
