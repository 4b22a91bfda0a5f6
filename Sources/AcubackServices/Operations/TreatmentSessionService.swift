import AcubackCore
import AcubackStore
import Foundation

/// Plans settled for patients and sessions at the chair, for the API and the pages alike: loads
/// the session, asks the access policy, applies the Core rules, and records the audit event.
public struct TreatmentSessionService: Sendable {
    public let services: AppServices

    public init(services: AppServices) { self.services = services }
    public let catalogue = PointCatalogue.standard

    var store: TreatmentSessionStore { services.sessionStore }

    // MARK: Plans

    /// The plan for the patient's newest assessment and recorded risk factors (the week of
    /// pregnancy counted on to today), with `edits`.
    public func proposePlan(for patient: PatientRecord, edits: [PlanEdit] = [], acknowledged: [String] = []) async throws -> TreatmentPlan {
        let clinical = try await services.patientStore.clinical(patientID: patient.id) ?? (RiskFactors.none, [])
        return try proposePlan(from: clinical, edits: edits, acknowledged: acknowledged)
    }

    /// The same proposal from a clinical record already read (the chart page's).
    public func proposePlan(from clinical: PatientService.Clinical, edits: [PlanEdit] = [], acknowledged: [String] = []) throws -> TreatmentPlan {
        guard var assessment = clinical.assessments.first?.assessment else {
            throw RuleRefusal(field: "assessment", rule: "the patient has no assessment yet: record one at a consultation first")
        }
        assessment.patient = clinical.risks.on(CalendarDay(services.now(), in: .gmt))
        return try PrescriptionEngine().plan(for: assessment, edits: edits, acknowledged: acknowledged)
    }

    /// Keeps the plan as the patient's current plan, when no rule blocks it and every warning is acknowledged.
    public func savePlan(for patient: PatientRecord, edits: [PlanEdit], acknowledged: [String], by actor: Actor, from address: String?) async throws -> SavedPlan {
        try AccessPolicy.require(actor, .planTreatment, .patient(clinicID: patient.clinicID, patientID: patient.id))
        guard let practitionerID = actor.practitionerID else {
            throw AccessDenied(signedIn: true, reason: "only a practitioner settles a plan")
        }
        try await ConsultationService(services: services).requireClearance(patientID: patient.id)
        let plan = try await proposePlan(for: patient, edits: edits, acknowledged: acknowledged)
        var refusals: [FieldError] = plan.findings.filter(\.isUnresolvedBlock).map {
            FieldError(field: "findings", rule: "\($0.id) blocks the plan: \($0.message)")
        }
        refusals += plan.pendingAcknowledgements.map { FieldError(field: "acknowledged", rule: "\($0) must be acknowledged") }
        guard refusals.isEmpty else { throw RuleRefusal(refusals) }
        return try await store.savePlan(
            plan, patientID: patient.id, practitionerID: practitionerID, at: services.now(),
            audit: services.entry(.planSave, by: actor, clinicID: patient.clinicID, patientID: patient.id, recordType: .plan, from: address))
    }

    // MARK: Sessions

    /// Starts a session from a booked treatment appointment of the practitioner's.
    public func start(
        appointmentID: UUID, position: TreatmentPosition?, painBefore: Int, offDayReason: String? = nil, by actor: Actor, from address: String?
    ) async throws -> TreatmentSessionRecord {
        guard let appointment = try await services.bookingStore.appointment(id: appointmentID),
              appointment.clinicID == actor.clinicID
        else {
            try AccessPolicy.require(actor, .treatPatient, .session(clinicID: actor.clinicID, practitionerID: actor.practitionerID ?? UUID()))
            throw NotFound(detail: "No such appointment")
        }
        try AccessPolicy.require(actor, .treatPatient, .session(clinicID: appointment.clinicID, practitionerID: appointment.practitionerID))
        guard (0...10).contains(painBefore) else { throw ValidationError(field: "painBefore", rule: "must be from 0 to 10") }
        if let existing = try await store.sessionID(appointmentID: appointmentID) {
            throw TreatmentSessionError.alreadyStarted(sessionID: existing)
        }
        guard appointment.kind == .treatment else {
            throw RuleRefusal(field: "appointmentId", rule: "is a \(appointment.kind.rawValue), not a treatment appointment")
        }
        guard appointment.status.isOpen else {
            throw RuleRefusal(field: "appointmentId", rule: "is \(appointment.status.rawValue), not booked")
        }
        try await ConsultationService(services: services).requireClearance(patientID: appointment.patientID)
        try await ConsentService(services: services).requireCurrentConsent(patientID: appointment.patientID, clinicID: appointment.clinicID)
        guard let plan = try await store.currentPlan(patientID: appointment.patientID) else {
            throw RuleRefusal(field: "plan", rule: "the patient has no current plan: settle one on the patient's record first")
        }
        let chosen = position ?? plan.plan.position
        if chosen == .seated, let risks = try await services.patientStore.clinical(patientID: appointment.patientID)?.risks, risks.faintingHistory {
            throw RuleRefusal(field: "position", rule: "seated is not safe with a history of fainting: treat lying down")
        }
        // Last, so a refusal for consent or the plan comes first: those need more than a reason.
        let zone = try await services.clinicStore.settings(clinicID: appointment.clinicID).zone
        let day = SessionStartDay(appointmentDay: CalendarDay(appointment.start, in: zone), today: CalendarDay(services.now(), in: zone))
        let reason: String?
        do { reason = try day.reason(offDayReason) } catch { throw RuleRefusal(error.errors) }
        let record = try await store.start(NewTreatmentSession(
            clinicID: appointment.clinicID, appointmentID: appointmentID, patientID: appointment.patientID,
            practitionerID: appointment.practitionerID, plan: plan, position: chosen, painBefore: painBefore, startedAt: services.now(),
            offDayReason: reason),
            audit: services.entry(
                .sessionStart, by: actor, clinicID: appointment.clinicID, patientID: appointment.patientID, recordType: .session, from: address))
        return record
    }

    /// The session, when the actor may take `action` on it; an unknown session and one the actor
    /// may not see look the same.
    public func session(_ id: UUID, for action: Action, by actor: Actor, from address: String?) async throws -> TreatmentSessionRecord {
        guard let record = try await store.session(id: id), record.clinicID == actor.clinicID else {
            try AccessPolicy.require(actor, action == .treatPatient ? .treatPatient : .readPatientClinical, .clinic(actor.clinicID))
            throw NotFound(detail: "No such session")
        }
        switch action {
        case .treatPatient:
            try AccessPolicy.require(actor, .treatPatient, .session(clinicID: record.clinicID, practitionerID: record.practitionerID))
        default:
            try AccessPolicy.require(actor, action, .patient(clinicID: record.clinicID, patientID: record.patientID))
        }
        if action == .readPatientClinical { try await audit(.sessionRead, record, actor, address) }
        return record
    }

    /// Records a needle going in, after the one safety check every needle passes (planned or not).
    /// - Parameter depthMm: nil records it at the deepest the rules allow there today (a quick tap at the chair).
    public func insert(_ choice: NeedleChoice, depthMm: Int?, needleType: String, stimulation: Stimulation, deQi: Bool, overrideReason: String? = nil,
                into sessionID: UUID, by actor: Actor, from address: String?) async throws -> TreatmentSessionRecord {
        let session = try await session(sessionID, for: .treatPatient, by: actor, from: address)
        var errors = FieldErrorCollector()
        errors.check(needleType.count <= 120, "needleType", "must be at most 120 characters")
        errors.check((overrideReason ?? "").count <= 500, "overrideReason", "must be at most 500 characters")
        try errors.throwIfAny()
        let key = try choice.key(in: catalogue)
        let safety = try await safety(for: session)
        let depth: Int
        if let depthMm {
            depth = depthMm
        } else {
            guard let spot = safety.spot(for: key) else { throw ValidationError(field: "depthMm", rule: "give the depth in millimetres") }
            depth = safety.depthLimit(for: key, at: spot).capMm
        }
        var insertion = Insertion(
            key: key, at: services.now(), depthMm: depth,
            needleType: needleType.trimmingCharacters(in: .whitespaces), stimulation: stimulation, deQi: deQi)
        // A depth outside 1–100 mm is the ledger's refusal, with its own wording.
        if (1...100).contains(depth) {
            let decision = try safety.check(insertion, overrideReason: overrideReason)
            if !decision.overridden.isEmpty {
                insertion.override = SafetyOverride(
                    findings: decision.overridden, reason: overrideReason!.trimmingCharacters(in: .whitespacesAndNewlines))
            }
        }
        let action: AuditAction = insertion.override == nil ? .sessionNeedleIn : .sessionNeedleInOverride
        return try await change(session, .inserted(insertion), action, actor, address)
    }

    /// Records two needles in the patient stimulated as an electroacupuncture pair, when the rules allow it.
    public func stimulate(
        _ first: NeedleChoice, _ second: NeedleChoice, frequencyHz: Double, waveform: Waveform, intensityMa: Double?, durationMinutes: Int,
        in sessionID: UUID, by actor: Actor, from address: String?
    ) async throws -> TreatmentSessionRecord {
        let session = try await session(sessionID, for: .treatPatient, by: actor, from: address)
        let pair = ElectricalPair(
            first: try first.key(in: catalogue), second: try second.key(in: catalogue), frequencyHz: frequencyHz, waveform: waveform,
            intensityMa: intensityMa, durationMinutes: durationMinutes, at: services.now())
        try pair.validate()
        try await safety(for: session).check(pair)
        return try await change(session, .stimulated(pair), .sessionElectroacupuncture, actor, address)
    }

    /// The chair's safety check for this session: the patient's risk factors as they stand today
    /// (the week of pregnancy counted on), the plan's needles and whether it uses electroacupuncture.
    public func safety(for session: TreatmentSessionRecord) async throws -> ChairSafetyCheck {
        let risks = try await services.patientStore.clinical(patientID: session.patientID)?.risks ?? .none
        // Weeks are counted in whole days of UTC, as they are recorded.
        return ChairSafetyCheck(
            engine: SafetyEngine(patient: risks.on(CalendarDay(services.now(), in: .gmt)), catalogue: catalogue),
            planned: session.chair.planned, planAllowsElectroacupuncture: session.plan.electroacupuncture)
    }

    public func remove(_ choice: NeedleChoice, from sessionID: UUID, by actor: Actor, from address: String?) async throws -> TreatmentSessionRecord {
        let session = try await session(sessionID, for: .treatPatient, by: actor, from: address)
        return try await change(session, .removed(try choice.key(in: catalogue), at: services.now()), .sessionNeedleOut, actor, address)
    }

    /// Takes back the last needle marked in or out, soon after a slip of the finger.
    public func undoLastTap(in sessionID: UUID, by actor: Actor, from address: String?) async throws -> TreatmentSessionRecord {
        let session = try await session(sessionID, for: .treatPatient, by: actor, from: address)
        return try await change(session, .undone(at: services.now()), .sessionUndo, actor, address)
    }

    public func removeAll(counted: Int, from sessionID: UUID, by actor: Actor, from address: String?) async throws -> TreatmentSessionRecord {
        let session = try await session(sessionID, for: .treatPatient, by: actor, from: address)
        return try await change(session, .removedAll(count: counted, at: services.now()), .sessionAllOut, actor, address)
    }

    public func found(_ count: Int, in sessionID: UUID, by actor: Actor, from address: String?) async throws -> TreatmentSessionRecord {
        let session = try await session(sessionID, for: .treatPatient, by: actor, from: address)
        return try await change(session, .found(count: count, at: services.now()), .sessionSearchFound, actor, address)
    }

    public func declareLost(note: String, in sessionID: UUID, by actor: Actor, from address: String?) async throws -> TreatmentSessionRecord {
        let session = try await session(sessionID, for: .treatPatient, by: actor, from: address)
        let text = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw ValidationError(field: "note", rule: "is required: say where was searched") }
        guard text.count <= 1000 else { throw ValidationError(field: "note", rule: "must be at most 1000 characters") }
        return try await change(session, .declaredLost(note: text, at: services.now()), .sessionNeedleLost, actor, address)
    }

    /// Starts or stops the practitioner's one-to-one contact time, which billing counts.
    public func setContact(running: Bool, in sessionID: UUID, by actor: Actor, from address: String?) async throws -> TreatmentSessionRecord {
        let session = try await session(sessionID, for: .treatPatient, by: actor, from: address)
        let now = services.now()
        return try await change(session, running ? .contactStarted(at: now) : .contactStopped(at: now), .sessionContact, actor, address)
    }

    public func startTimer(_ sessionID: UUID, by actor: Actor, from address: String?) async throws -> TreatmentSessionRecord {
        let session = try await session(sessionID, for: .treatPatient, by: actor, from: address)
        return try await store.startTimer(
            sessionID: session.id, at: services.now(), by: actor.userID, audit: entry(.sessionTimerStart, session, actor, address))
    }

    public func close(_ sessionID: UUID, closing: SessionClosing, by actor: Actor, from address: String?) async throws -> TreatmentSessionRecord {
        let session = try await session(sessionID, for: .treatPatient, by: actor, from: address)
        if let reason = closing.removalReason, reason.count > 1000 { throw ValidationError(field: "removalReason", rule: "must be at most 1000 characters") }
        return try await store.close(
            sessionID: session.id, closing: closing, at: services.now(), by: actor.userID, audit: entry(.sessionClose, session, actor, address))
    }

    public func checkIn(_ checkIn: CheckIn, for sessionID: UUID, by actor: Actor, from address: String?) async throws -> CheckInRecord {
        let session = try await session(sessionID, for: .recordCheckIn, by: actor, from: address)
        return try await store.addCheckIn(
            checkIn, sessionID: session.id, by: actor.userID, role: actor.role, at: services.now(),
            audit: services.entry(
                .sessionCheckIn, by: actor, clinicID: session.clinicID, patientID: session.patientID, recordType: .checkIn, from: address))
    }

    private func change(
        _ session: TreatmentSessionRecord, _ event: NeedleEvent, _ action: AuditAction, _ actor: Actor, _ address: String?
    ) async throws -> TreatmentSessionRecord {
        try await store.record(event, sessionID: session.id, by: actor.userID, audit: entry(action, session, actor, address))
    }

    /// The audit event of a change to `session`, stored in the change's own transaction.
    private func entry(_ action: AuditAction, _ session: TreatmentSessionRecord, _ actor: Actor, _ address: String?) -> AuditEntry {
        services.entry(
            action, by: actor, clinicID: session.clinicID, patientID: session.patientID, recordType: .session,
            recordID: session.id.uuidString, from: address)
    }

    private func audit(_ action: AuditAction, _ record: TreatmentSessionRecord, _ actor: Actor, _ address: String?) async throws {
        try await services.record(
            action, by: actor, clinicID: record.clinicID, patientID: record.patientID, recordType: .session,
            recordID: record.id.uuidString, from: address)
    }
}
