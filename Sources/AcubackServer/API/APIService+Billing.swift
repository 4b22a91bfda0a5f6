import AcubackAPI
import AcubackCore
import AcubackServices
import Foundation

/// Contact time at the chair, superbills, and the clinic's billing settings.
extension APIService {
    func setSessionContact(_ input: Operations.SetSessionContact.Input) async throws -> Operations.SetSessionContact.Output {
        guard case .json(let body) = input.body else { throw ValidationError(field: "body", rule: "must be JSON") }
        let record = try await chair.setContact(
            running: body.running, in: try sessionID(input.path.sessionId), by: try actor, from: RequestActor.clientAddress)
        return .ok(.init(body: .json(sessionBody(record))))
    }

    func getSuperbill(_ input: Operations.GetSuperbill.Input) async throws -> Operations.GetSuperbill.Output {
        let bill = try await services.billing.superbill(
            sessionID: try sessionID(input.path.sessionId), by: try actor, from: RequestActor.clientAddress)
        return .ok(.init(body: .json(.init(bill))))
    }

    func getBillingSettings(_ input: Operations.GetBillingSettings.Input) async throws -> Operations.GetBillingSettings.Output {
        .ok(.init(body: .json(.init(try await services.billing.settings(by: try actor)))))
    }

    func saveBillingSettings(_ input: Operations.SaveBillingSettings.Input) async throws -> Operations.SaveBillingSettings.Output {
        guard case .json(let body) = input.body else { throw ValidationError(field: "body", rule: "must be JSON") }
        let settings = BillingSettings(body)
        try await services.billing.saveSettings(settings, by: try actor, from: RequestActor.clientAddress)
        return .ok(.init(body: .json(.init(settings))))
    }

    func saveProviderIdentity(_ input: Operations.SaveProviderIdentity.Input) async throws -> Operations.SaveProviderIdentity.Output {
        guard case .json(let body) = input.body else { throw ValidationError(field: "body", rule: "must be JSON") }
        guard let id = try uuid(input.path.practitionerId, field: "practitionerId") else { throw NotFound(detail: "No such practitioner") }
        let identity = ProviderIdentity(npi: body.npi, credentials: body.credentials)
        try await services.billing.saveProvider(identity, for: id, by: try actor, from: RequestActor.clientAddress)
        return .ok(.init(body: .json(.init(npi: identity.npi, credentials: identity.credentials))))
    }
}
