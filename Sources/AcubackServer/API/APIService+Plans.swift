import AcubackServices
import AcubackAPI
import AcubackCore
import Foundation
import OpenAPIRuntime

extension APIService {
    func previewPlan(_ input: Operations.PreviewPlan.Input) async throws -> Operations.PreviewPlan.Output {
        guard case .json(let body) = input.body else { throw ValidationError(field: "body", rule: "must be JSON") }
        do {
            let plan = try PlanRequest(body).plan()
            return .ok(.init(body: .json(.init(plan))))
        } catch {
            return .badRequest(.init(body: .applicationProblemJson(.init(Problem.badRequest(error, instance: "/api/v1/plans/preview")))))
        }
    }
}
