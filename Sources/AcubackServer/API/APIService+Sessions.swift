import AcubackServices
import AcubackAPI
import AcubackCore
import Foundation
import OpenAPIRuntime

/// Saved plans, sessions at the chair, check-ins and incidents.
extension APIService {
    var chair: TreatmentSessionService { TreatmentSessionService(services: services) }

    func sessionBody(_ record: TreatmentSessionRecord) -> Components.Schemas.Session {
        Components.Schemas.Session(record, now: services.now())
    }

    func sessionID(_ text: String) throws -> UUID {
        guard let id = UUID(uuidString: text) else { throw NotFound(detail: "No such session") }
        return id
    }

    func savePlan(_ input: Operations.SavePlan.Input) async throws -> Operations.SavePlan.Output {
        let actor = try actor
        guard case .json(let body) = input.body else { throw ValidationError(field: "body", rule: "must be JSON") }
        let patient = try await visiblePatient(input.path.patientId, .planTreatment, actor)
        let edits = (body.edits ?? []).map(PlanEdit.init)
        let saved = try await chair.savePlan(
            for: patient, edits: edits, acknowledged: body.acknowledged ?? [], by: actor, from: RequestActor.clientAddress)
        return .created(.init(body: .json(.init(saved))))
    }

    func getCurrentPlan(_ input: Operations.GetCurrentPlan.Input) async throws -> Operations.GetCurrentPlan.Output {
        let actor = try actor
        let patient = try await visiblePatient(input.path.patientId, .readPatientClinical, actor, notFound: "The patient has no current plan")
        let saved = try await chair.readPlan(of: patient, by: actor, from: RequestActor.clientAddress)
        return .ok(.init(body: .json(.init(saved))))
    }

    func listSessions(_ input: Operations.ListSessions.Input) async throws -> Operations.ListSessions.Output {
        let actor = try actor
        let records = try await chair.sessions(
            patientID: try uuid(input.query.patientId, field: "patientId"), openOnly: input.query.open ?? false, by: actor,
            from: RequestActor.clientAddress)
        let now = services.now()
        return .ok(.init(body: .json(.init(items: records.map { Components.Schemas.Session($0, now: now) }))))
    }

    func startSession(_ input: Operations.StartSession.Input) async throws -> Operations.StartSession.Output {
        let actor = try actor
        guard case .json(let body) = input.body else { throw ValidationError(field: "body", rule: "must be JSON") }
        guard let appointmentID = try uuid(body.appointmentId, field: "appointmentId") else {
            throw ValidationError(field: "appointmentId", rule: "is required")
        }
        let record = try await chair.start(
            appointmentID: appointmentID, position: body.position.flatMap { TreatmentPosition(rawValue: $0.rawValue) },
            painBefore: body.painBefore, offDayReason: body.offDayReason, by: actor, from: RequestActor.clientAddress)
        return .created(.init(body: .json(sessionBody(record))))
    }

    func getSession(_ input: Operations.GetSession.Input) async throws -> Operations.GetSession.Output {
        let record = try await chair.session(try sessionID(input.path.sessionId), for: .readPatientClinical, by: try actor, from: RequestActor.clientAddress)
        return .ok(.init(body: .json(sessionBody(record))))
    }

    func insertNeedle(_ input: Operations.InsertNeedle.Input) async throws -> Operations.InsertNeedle.Output {
        guard case .json(let body) = input.body else { throw ValidationError(field: "body", rule: "must be JSON") }
        let choice = NeedleChoice(
            point: body.point, side: body.side.flatMap { NeedleSide(rawValue: $0.rawValue) }, site: body.site, location: body.location,
            area: body.area.flatMap { BodyArea(rawValue: $0.rawValue) }, level: body.level.flatMap { SpinalLevel(rawValue: $0.rawValue) })
        let record = try await chair.insert(
            choice, depthMm: body.depthMm, needleType: body.needleType, stimulation: Stimulation(rawValue: body.stimulation.rawValue) ?? .manual,
            deQi: body.deQi, overrideReason: body.overrideReason, into: try sessionID(input.path.sessionId), by: try actor,
            from: RequestActor.clientAddress)
        return .created(.init(body: .json(sessionBody(record))))
    }

    func removeNeedles(_ input: Operations.RemoveNeedles.Input) async throws -> Operations.RemoveNeedles.Output {
        guard case .json(let body) = input.body else { throw ValidationError(field: "body", rule: "must be JSON") }
        let id = try sessionID(input.path.sessionId)
        let record: TreatmentSessionRecord
        if body.all == true {
            guard let count = body.count else { throw ValidationError(field: "count", rule: "is required with all: how many needles were counted out") }
            record = try await chair.removeAll(counted: count, from: id, by: try actor, from: RequestActor.clientAddress)
        } else {
            let choice = NeedleChoice(
                point: body.point, side: body.side.flatMap { NeedleSide(rawValue: $0.rawValue) }, site: body.site, location: body.location,
                area: body.area.flatMap { BodyArea(rawValue: $0.rawValue) }, level: body.level.flatMap { SpinalLevel(rawValue: $0.rawValue) })
            record = try await chair.remove(choice, from: id, by: try actor, from: RequestActor.clientAddress)
        }
        return .ok(.init(body: .json(sessionBody(record))))
    }

    func recordElectricalPair(_ input: Operations.RecordElectricalPair.Input) async throws -> Operations.RecordElectricalPair.Output {
        guard case .json(let body) = input.body else { throw ValidationError(field: "body", rule: "must be JSON") }
        func choice(_ ref: Components.Schemas.NeedleRef) -> NeedleChoice {
            NeedleChoice(
                point: ref.point, side: ref.side.flatMap { NeedleSide(rawValue: $0.rawValue) }, site: ref.site, location: ref.location,
                area: ref.area.flatMap { BodyArea(rawValue: $0.rawValue) }, level: ref.level.flatMap { SpinalLevel(rawValue: $0.rawValue) })
        }
        let record = try await chair.stimulate(
            choice(body.first), choice(body.second), frequencyHz: body.frequencyHz, waveform: Waveform(rawValue: body.waveform.rawValue) ?? .continuous,
            intensityMa: body.intensityMa, durationMinutes: body.durationMinutes, in: try sessionID(input.path.sessionId), by: try actor,
            from: RequestActor.clientAddress)
        return .ok(.init(body: .json(sessionBody(record))))
    }

    func recordSearch(_ input: Operations.RecordSearch.Input) async throws -> Operations.RecordSearch.Output {
        guard case .json(let body) = input.body else { throw ValidationError(field: "body", rule: "must be JSON") }
        let id = try sessionID(input.path.sessionId)
        let record: TreatmentSessionRecord
        switch (body.found, body.lost ?? false) {
        case (let count?, false):
            record = try await chair.found(count, in: id, by: try actor, from: RequestActor.clientAddress)
        case (nil, true):
            record = try await chair.declareLost(note: body.note ?? "", in: id, by: try actor, from: RequestActor.clientAddress)
        default:
            throw ValidationError(field: "found", rule: "give either found (needles found) or lost: true, not both")
        }
        return .ok(.init(body: .json(sessionBody(record))))
    }

    func undoLastTap(_ input: Operations.UndoLastTap.Input) async throws -> Operations.UndoLastTap.Output {
        let record = try await chair.undoLastTap(in: try sessionID(input.path.sessionId), by: try actor, from: RequestActor.clientAddress)
        return .ok(.init(body: .json(sessionBody(record))))
    }

    func startTimer(_ input: Operations.StartTimer.Input) async throws -> Operations.StartTimer.Output {
        let record = try await chair.startTimer(try sessionID(input.path.sessionId), by: try actor, from: RequestActor.clientAddress)
        return .ok(.init(body: .json(sessionBody(record))))
    }

    func closeSession(_ input: Operations.CloseSession.Input) async throws -> Operations.CloseSession.Output {
        guard case .json(let body) = input.body else { throw ValidationError(field: "body", rule: "must be JSON") }
        let closing = SessionClosing(
            painAfter: body.painAfter, reactions: (body.reactions ?? []).compactMap { ImmediateReaction(rawValue: $0.rawValue) },
            adviceGiven: body.adviceGiven ?? false, removalReason: body.removalReason,
            adjuncts: (body.adjuncts ?? []).map { SessionAdjunct(kind: AdjunctKind(rawValue: $0.kind.rawValue) ?? .advice, detail: $0.detail) })
        let record = try await chair.close(try sessionID(input.path.sessionId), closing: closing, by: try actor, from: RequestActor.clientAddress)
        return .ok(.init(body: .json(sessionBody(record))))
    }

    func listCheckIns(_ input: Operations.ListCheckIns.Input) async throws -> Operations.ListCheckIns.Output {
        let session = try await chair.session(try sessionID(input.path.sessionId), for: .recordCheckIn, by: try actor, from: RequestActor.clientAddress)
        let items = try await chair.checkIn(of: session).map { [Components.Schemas.CheckIn($0)] } ?? []
        return .ok(.init(body: .json(.init(items: items))))
    }

    func recordCheckIn(_ input: Operations.RecordCheckIn.Input) async throws -> Operations.RecordCheckIn.Output {
        guard case .json(let body) = input.body else { throw ValidationError(field: "body", rule: "must be JSON") }
        let checkIn = CheckIn(
            soreness: body.soreness, sorenessHoursAfter: body.sorenessHoursAfter, tiredness: body.tiredness ?? false,
            neededSleep: body.neededSleep ?? false, bruising: body.bruising ?? false, breathlessness: body.breathlessness ?? false,
            other: body.other ?? "", markedSerious: body.serious ?? false)
        let record = try await chair.checkIn(checkIn, for: try sessionID(input.path.sessionId), by: try actor, from: RequestActor.clientAddress)
        return .created(.init(body: .json(.init(record))))
    }

    func getSessionStricta(_ input: Operations.GetSessionStricta.Input) async throws -> Operations.GetSessionStricta.Output {
        let record = try await chair.session(try sessionID(input.path.sessionId), for: .readPatientClinical, by: try actor, from: RequestActor.clientAddress)
        return .ok(.init(body: .json(.init(StrictaNeedling(session: record.chair)))))
    }

    func listIncidents(_ input: Operations.ListIncidents.Input) async throws -> Operations.ListIncidents.Output {
        let incidents = try await IncidentService(services: services).list(
            unresolved: input.query.status == .unresolved, by: try actor, from: RequestActor.clientAddress)
        return .ok(.init(body: .json(.init(items: incidents.map(Components.Schemas.Incident.init)))))
    }
}
