import AcubackServices
import AcubackAPI
import AcubackCore
import Foundation
import OpenAPIRuntime

/// The JSON API, implementing the protocol generated from openapi.yaml.
struct APIService: APIProtocol {
    let services: AppServices

    func getHealth(_ input: Operations.GetHealth.Input) async throws -> Operations.GetHealth.Output {
        .ok(.init(body: .json(.init(status: .ok, version: Acuback.version))))
    }

    func getReadiness(_ input: Operations.GetReadiness.Input) async throws -> Operations.GetReadiness.Output {
        let report = await services.readiness.run()
        let body = Components.Schemas.Readiness(
            status: report.ready ? .ready : .unavailable,
            database: report.database,
            migrations: .init(
                applied: report.status?.applied.count ?? 0,
                known: report.status?.known.count ?? 0,
                pending: report.status?.pending ?? []),
            reason: report.reason)
        return report.ready ? .ok(.init(body: .json(body))) : .serviceUnavailable(.init(body: .json(body)))
    }

    func getOpenAPIDocument(_ input: Operations.GetOpenAPIDocument.Input) async throws -> Operations.GetOpenAPIDocument.Output {
        .ok(.init(body: .yaml(HTTPBody(try AcubackAPIDocument.yaml()))))
    }
}
