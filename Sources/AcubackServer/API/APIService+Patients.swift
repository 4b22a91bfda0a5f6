import AcubackServices
import AcubackAPI
import AcubackCore
import Foundation
import OpenAPIRuntime

extension APIService {
    /// The actor of the request; the access middleware has already made sure there is one.
    var actor: Actor {
        get throws {
            guard let actor = RequestActor.current else { throw AccessDenied(signedIn: false, reason: "no actor") }
            return actor
        }
    }

    func getMe(_ input: Operations.GetMe.Input) async throws -> Operations.GetMe.Output {
        let actor = try actor
        guard let user = try await services.accounts.ownAccount(by: actor).0 else { throw AccessDenied(signedIn: false, reason: "user gone") }
        return .ok(.init(body: .json(.init(
            id: user.id.uuidString, email: user.email, name: user.displayName,
            role: .init(rawValue: user.role.rawValue)!, clinicId: user.clinicID.uuidString,
            patientId: actor.patientID?.uuidString, practitionerId: actor.practitionerID?.uuidString))))
    }

    func listPatients(_ input: Operations.ListPatients.Input) async throws -> Operations.ListPatients.Output {
        let actor = try actor
        let page = try Page(limit: input.query.limit, offset: input.query.offset)
        let result = try await services.patients.list(
            matching: input.query.q, limit: page.limit, offset: page.offset, by: actor, from: RequestActor.clientAddress)
        return .ok(.init(body: .json(.init(
            items: result.items.map(Components.Schemas.Patient.init), total: result.total, limit: page.limit, offset: page.offset))))
    }

    func getPatient(_ input: Operations.GetPatient.Input) async throws -> Operations.GetPatient.Output {
        let actor = try actor
        guard let id = UUID(uuidString: input.path.patientId) else {
            return .notFound(.init(body: .applicationProblemJson(.init(Problem.notFound("No such patient")))))
        }
        let (patient, _) = try await services.patients.read(id: id, clinical: false, by: actor, from: RequestActor.clientAddress)
        return .ok(.init(body: .json(.init(patient))))
    }

    func getPatientClinical(_ input: Operations.GetPatientClinical.Input) async throws -> Operations.GetPatientClinical.Output {
        let actor = try actor
        guard let id = UUID(uuidString: input.path.patientId) else {
            return .notFound(.init(body: .applicationProblemJson(.init(Problem.notFound("No such patient")))))
        }
        let (patient, clinical) = try await services.patients.readClinical(id: id, by: actor, from: RequestActor.clientAddress)
        return .ok(.init(body: .json(.init(patient, clinical))))
    }

    /// The patient, when the actor may take `action` on them. Another clinic's patient is
    /// refused the same way whether or not it exists.
    func visiblePatient(_ idText: String, _ action: Action, _ actor: Actor, notFound detail: String = "No such patient") async throws -> PatientRecord {
        guard let id = UUID(uuidString: idText) else { throw NotFound(detail: detail) }
        do {
            return try await services.patients.patient(id: id, for: action, by: actor)
        } catch is NotFound {
            throw NotFound(detail: detail)
        }
    }
}

extension APIService {
    func createPatient(_ input: Operations.CreatePatient.Input) async throws -> Operations.CreatePatient.Output {
        let actor = try actor
        guard case .json(let body) = input.body else { throw ValidationError(field: "body", rule: "must be JSON") }
        let patient = try await services.patients.create(
            .init(
                givenName: body.givenName, familyName: body.familyName, birthDate: body.birthDate, email: body.email, phone: body.phone,
                confirmedNotDuplicate: body.confirmDuplicate ?? false),
            by: actor, from: RequestActor.clientAddress)
        return .created(.init(body: .json(.init(patient))))
    }

    func updateIntake(_ input: Operations.UpdateIntake.Input) async throws -> Operations.UpdateIntake.Output {
        let actor = try actor
        guard case .json(let body) = input.body else { throw ValidationError(field: "body", rule: "must be JSON") }
        let patient = try await visiblePatient(input.path.patientId, .changePatientClinical, actor)
        let risks = try RiskFactors(body)
        let clinical = try await services.patients.updateIntake(risks, of: patient.id, by: actor, from: RequestActor.clientAddress)
        return .ok(.init(body: .json(.init(patient, clinical))))
    }

    func recordConsent(_ input: Operations.RecordConsent.Input) async throws -> Operations.RecordConsent.Output {
        let actor = try actor
        guard case .json(let body) = input.body else { throw ValidationError(field: "body", rule: "must be JSON") }
        let patient = try await visiblePatient(input.path.patientId, .changePatientContact, actor)
        let signature = ConsentSignature(
            method: ConsentMethod(rawValue: body.method.rawValue)!, signedName: body.signedName ?? "", reason: body.reason ?? "")
        let consent = try await ConsentService(services: services).sign(signature, for: patient, by: actor, from: RequestActor.clientAddress)
        return .created(.init(body: .json(.init(
            version: consent.version, givenAt: consent.givenAt, method: consent.method.flatMap { .init(rawValue: $0.rawValue) },
            signedName: consent.signedName.isEmpty ? nil : consent.signedName, reason: consent.reason.isEmpty ? nil : consent.reason))))
    }
}
