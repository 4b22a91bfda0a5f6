import AcubackServices
import AcubackAPI
import AcubackCore
import Foundation
import OpenAPIRuntime

/// The first consultation: assessments, red flags and their decisions, the consent text, session notes.
extension APIService {
    var consultations: ConsultationService { ConsultationService(services: services) }

    func listAssessments(_ input: Operations.ListAssessments.Input) async throws -> Operations.ListAssessments.Output {
        let actor = try actor
        let patient = try await visiblePatient(input.path.patientId, .readPatientClinical, actor)
        let records = try await consultations.consultations(of: patient, by: actor, from: RequestActor.clientAddress)
        return .ok(.init(body: .json(.init(items: records.map(Components.Schemas.ConsultationRecord.init)))))
    }

    func recordAssessment(_ input: Operations.RecordAssessment.Input) async throws -> Operations.RecordAssessment.Output {
        let actor = try actor
        guard case .json(let body) = input.body else { throw ValidationError(field: "body", rule: "must be JSON") }
        let patient = try await visiblePatient(input.path.patientId, .planTreatment, actor)
        let record = try await consultations.record(try Consultation(body), for: patient, by: actor, from: RequestActor.clientAddress)
        return .created(.init(body: .json(.init(record))))
    }

    func getRedFlags(_ input: Operations.GetRedFlags.Input) async throws -> Operations.GetRedFlags.Output {
        let actor = try actor
        let patient = try await visiblePatient(input.path.patientId, .readPatientClinical, actor)
        let history = try await consultations.redFlags(of: patient, by: actor, from: RequestActor.clientAddress)
        return .ok(.init(body: .json(.init(history))))
    }

    func recordRedFlagDecision(_ input: Operations.RecordRedFlagDecision.Input) async throws -> Operations.RecordRedFlagDecision.Output {
        let actor = try actor
        guard case .json(let body) = input.body else { throw ValidationError(field: "body", rule: "must be JSON") }
        let patient = try await visiblePatient(input.path.patientId, .planTreatment, actor)
        let record = try await consultations.decide(
            outcome: RedFlagOutcome(rawValue: body.outcome.rawValue), reason: body.reason, referredTo: body.referredTo,
            for: patient, by: actor, from: RequestActor.clientAddress)
        return .created(.init(body: .json(.init(record))))
    }

    func getConsentText(_ input: Operations.GetConsentText.Input) async throws -> Operations.GetConsentText.Output {
        let actor = try actor
        let text = try await ConsentService(services: services).current(clinicID: actor.clinicID)
        return .ok(.init(body: .json(.init(version: text.version, text: text.text, publishedAt: text.publishedAt))))
    }

    func getSessionNote(_ input: Operations.GetSessionNote.Input) async throws -> Operations.GetSessionNote.Output {
        let actor = try actor
        let session = try await chair.session(try sessionID(input.path.sessionId), for: .readPatientClinical, by: actor, from: RequestActor.clientAddress)
        let notes = try await SessionNoteService(services: services).notes(of: session)
        return .ok(.init(body: .json(.init(items: notes.map(Components.Schemas.SessionNoteRecord.init)))))
    }

    func writeSessionNote(_ input: Operations.WriteSessionNote.Input) async throws -> Operations.WriteSessionNote.Output {
        let actor = try actor
        guard case .json(let body) = input.body else { throw ValidationError(field: "body", rule: "must be JSON") }
        let note = SessionNote(
            subjective: body.subjective ?? "", objective: body.objective ?? "", assessment: body.assessment ?? "", plan: body.plan ?? "",
            tongue: body.tongue ?? "", pulse: body.pulse ?? "", pattern: body.pattern ?? "")
        let record = try await SessionNoteService(services: services).write(
            note, for: try sessionID(input.path.sessionId), by: actor, from: RequestActor.clientAddress)
        return .ok(.init(body: .json(.init(record))))
    }
}

extension Consultation {
    /// The API's input, read into the domain's types; unknown values were refused by the decoder.
    init(_ body: Components.Schemas.ConsultationInput) throws {
        func mapped<Source: RawRepresentable<String>, Target: RawRepresentable<String>>(_ values: [Source]?) -> [Target] {
            (values ?? []).compactMap { Target(rawValue: $0.rawValue) }
        }
        let risks = try body.riskFactors.map { body throws(ValidationError) in try RiskFactors(body) } ?? .none
        self.init(
            complaint: body.complaint,
            assessment: Assessment(
                regions: body.regions.map(BackRegion.init), side: .init(body.side), levels: (body.levels ?? []).map(SpinalLevel.init),
                radiatesToLeg: body.radiatesToLeg ?? false, onset: .init(body.onset), electroacupuncture: body.electroacupuncture ?? false,
                preferredPosition: body.preferredPosition.map(TreatmentPosition.init), patient: risks),
            durationWeeks: body.durationWeeks, redFlags: mapped(body.redFlags),
            examination: Examination(
                rangeOfMovement: body.examination?.rangeOfMovement ?? "", straightLegRaiseLeft: body.examination?.straightLegRaiseLeft,
                straightLegRaiseRight: body.examination?.straightLegRaiseRight, tenderPoints: body.examination?.tenderPoints ?? "",
                neurologicalSigns: body.examination?.neurologicalSigns ?? ""))
    }
}

extension Components.Schemas.ConsultationRecord {
    init(_ record: ConsultationRecord) {
        let consultation = record.consultation
        let assessment = consultation.assessment
        func mapped<Source: RawRepresentable<String>, Target: RawRepresentable<String>>(_ values: [Source]) -> [Target] {
            values.compactMap { Target(rawValue: $0.rawValue) }
        }
        self.init(
            id: record.id.uuidString, recordedAt: record.recordedAt, practitionerId: record.practitionerID.uuidString,
            complaint: consultation.complaint, regions: assessment.regions.map(Components.Schemas.BackRegion.init), side: .init(assessment.side),
            levels: assessment.levels.map(Components.Schemas.SpinalLevel.init), radiatesToLeg: assessment.radiatesToLeg, onset: .init(assessment.onset),
            durationWeeks: consultation.durationWeeks, redFlags: mapped(consultation.redFlags),
            examination: .init(
                rangeOfMovement: consultation.examination.rangeOfMovement, straightLegRaiseLeft: consultation.examination.straightLegRaiseLeft,
                straightLegRaiseRight: consultation.examination.straightLegRaiseRight, tenderPoints: consultation.examination.tenderPoints,
                neurologicalSigns: consultation.examination.neurologicalSigns),
            riskFactors: .init(assessment.patient), electroacupuncture: assessment.electroacupuncture,
            preferredPosition: assessment.preferredPosition.map(Components.Schemas.TreatmentPosition.init))
    }
}

extension Components.Schemas.RedFlagDecision {
    init(_ record: RedFlagDecisionRecord) {
        self.init(
            id: record.id.uuidString, outcome: .init(rawValue: record.decision.outcome.rawValue)!, reason: record.decision.reason,
            referredTo: record.decision.referredTo, decidedAt: record.decision.decidedAt, decidedBy: record.decidedByName)
    }
}

extension Components.Schemas.RedFlagStatus {
    init(_ history: RedFlagHistory) {
        let clearance = history.clearance
        var flags: [RedFlag] = []
        var referred = false
        if case .stopped(let stopping, let wasReferred) = clearance { flags = stopping; referred = wasReferred }
        self.init(
            treatmentStopped: !clearance.isClear, urgentReferral: clearance.isUrgent, referred: referred,
            flags: flags.compactMap { .init(rawValue: $0.rawValue) },
            screens: history.screens.map {
                .init(screenedAt: $0.screen.screenedAt, source: .init(rawValue: $0.source.rawValue)!, flags: $0.screen.flags.compactMap { .init(rawValue: $0.rawValue) })
            },
            decisions: history.decisions.map(Components.Schemas.RedFlagDecision.init))
    }
}

extension Components.Schemas.SessionNoteRecord {
    init(_ record: SessionNoteRecord) {
        let note = record.note
        self.init(
            id: record.id.uuidString, writtenAt: record.writtenAt, writtenBy: record.writtenByName, amendment: record.isAmendment,
            subjective: note.subjective, objective: note.objective, assessment: note.assessment, plan: note.plan, tongue: note.tongue,
            pulse: note.pulse, pattern: note.pattern)
    }
}
