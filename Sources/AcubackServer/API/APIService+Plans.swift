import AcubackServices
import AcubackAPI
import AcubackCore
import Foundation
import OpenAPIRuntime

extension APIService {
    func previewPlan(_ input: Operations.PreviewPlan.Input) async throws -> Operations.PreviewPlan.Output {
        guard case .json(let body) = input.body else { throw ValidationError(field: "body", rule: "must be JSON") }
        let request = try PlanRequest.decode(from: JSONEncoder().encode(body))
        do {
            let plan = try request.plan()
            return .ok(.init(body: .json(try JSONBridge.convert(plan))))
        } catch let error as ValidationError {
            return .badRequest(.init(body: .applicationProblemJson(try JSONBridge.convert(
                Problem.badRequest(error, instance: "/api/v1/plans/preview")))))
        }
    }
}
