import AcubackServices
import AcubackAPI
import AcubackCore
import Foundation
import OpenAPIRuntime

/// FHIR and research exports.
extension APIService {
    func exportPatientFHIR(_ input: Operations.ExportPatientFHIR.Input) async throws -> Operations.ExportPatientFHIR.Output {
        let actor = try actor
        guard let id = UUID(uuidString: input.path.patientId) else { throw NotFound(detail: "No such patient") }
        let bundle = try await ExportService(services: services).patientBundle(id: id, by: actor, from: RequestActor.clientAddress)
        return .ok(.init(body: .applicationFhirJson(try .init(bundle))))
    }
}

extension APIService {
    var stricta: StrictaService { StrictaService(services: services) }

    func getCourseStricta(_ input: Operations.GetCourseStricta.Input) async throws -> Operations.GetCourseStricta.Output {
        let (report, _) = try await stricta.course(try courseID(input.path.courseId), by: try actor, from: RequestActor.clientAddress)
        return .ok(.init(body: .json(.init(report))))
    }

    func getSessionStrictaReport(_ input: Operations.GetSessionStrictaReport.Input) async throws -> Operations.GetSessionStrictaReport.Output {
        let (report, _) = try await stricta.session(try sessionID(input.path.sessionId), by: try actor, from: RequestActor.clientAddress)
        return .ok(.init(body: .json(.init(report))))
    }
}
