import AcubackAPI
import AcubackCore
import AcubackServices
import Foundation

/// The clinic's messaging settings and a patient's wish for text messages.
extension APIService {
    func getMessagingSettings(_ input: Operations.GetMessagingSettings.Input) async throws -> Operations.GetMessagingSettings.Output {
        .ok(.init(body: .json(.init(try await services.messaging.settings(by: try actor)))))
    }

    func saveMessagingSettings(_ input: Operations.SaveMessagingSettings.Input) async throws -> Operations.SaveMessagingSettings.Output {
        let actor = try actor
        guard case .json(let body) = input.body else { throw ValidationError(field: "body", rule: "must be JSON") }
        let settings = MessagingSettings(
            confirmByEmail: body.confirmByEmail, confirmByText: body.confirmByText, remindByEmail: body.remindByEmail,
            remindByText: body.remindByText, reminderHours: body.reminderHours)
        try await services.messaging.save(settings, by: actor, from: RequestActor.clientAddress)
        return .ok(.init(body: .json(.init(settings))))
    }

    func setTextMessages(_ input: Operations.SetTextMessages.Input) async throws -> Operations.SetTextMessages.Output {
        let actor = try actor
        guard case .json(let body) = input.body else { throw ValidationError(field: "body", rule: "must be JSON") }
        let patient = try await visiblePatient(input.path.patientId, .changePatientContact, actor)
        try await services.messaging.setTextsWanted(body.wanted, phone: body.phone, for: patient, by: actor, from: RequestActor.clientAddress)
        let updated = try await services.patients.patient(id: patient.id, for: .readPatientContact, by: actor)
        return .ok(.init(body: .json(.init(
            patientId: patient.id.uuidString, wanted: try await services.messaging.textsWanted(of: updated, by: actor), phone: updated.phone))))
    }
}

extension Components.Schemas.MessagingSettings {
    init(_ settings: MessagingSettings) {
        self.init(
            confirmByEmail: settings.confirmByEmail, confirmByText: settings.confirmByText, remindByEmail: settings.remindByEmail,
            remindByText: settings.remindByText, reminderHours: settings.reminderHours)
    }
}
