import AcubackServices
import AcubackCore
import Foundation
import Hummingbird

/// The patient's current plan, settling a new one, and the sessions with their check-ins.
extension PatientPagesController {
    var treatment: TreatmentSessionService { TreatmentSessionService(services: services) }

    func addTreatmentRoutes(to router: Router<AcubackRequestContext>) {
        router.post("/patients/{id}/plan") { request, context in
            let patient = try await patientFor(context, .planTreatment)
            let form = try await FormFields.of(request)
            do {
                _ = try await treatment.savePlan(
                    for: patient, edits: try PlanEditFields.edits(form), acknowledged: form.all("acknowledged"), by: context.actor!,
                    from: context.clientAddress)
            } catch let error as any ProblemConvertible {
                let refusal = error.problem(instance: nil).pageRefusal
                return try await record(patient.id, request, context, extra: ["planError": refusal.message], status: refusal.status)
            }
            return Response.redirect(to: "/patients/\(patient.id)?planSaved=1#plan", type: .normal)
        }
    }

    /// The plan and sessions part of the record, as far as the person looking may see it.
    func treatmentContext(_ patient: PatientRecord, _ actor: Actor, query: FormFields) async throws -> [String: Any] {
        let target = AccessTarget.patient(clinicID: patient.clinicID, patientID: patient.id)
        let clinical = AccessPolicy.decide(actor, .readPatientClinical, target).isAllowed
        let mayCheckIn = AccessPolicy.decide(actor, .recordCheckIn, target).isAllowed
        let zone = try await services.clinic.settings(clinicID: patient.clinicID).zone
        var values: [String: Any] = [:]
        if query.text("planSaved") == "1" { values["planSaved"] = true }
        if let outcome = query.first("checkIn") { values["checkInSaved"] = ["serious": outcome == "serious"] }
        if clinical, let saved = try await treatment.currentPlan(of: patient, by: actor) {
            values["currentPlan"] = [
                "date": DisplayTime.format(saved.createdAt, in: zone), "needles": saved.plan.needleCount, "protocol": saved.plan.protocolName,
                "position": PositionText.describe(saved.plan.position), "retention": saved.plan.retentionMinutes,
                "points": saved.plan.needles.map(\.key).joined(separator: ", "),
                "forPatient": actor.role == .patient, "plain": PlainWords.plan(saved.plan),
            ] as [String: Any]
        }
        if AccessPolicy.decide(actor, .planTreatment, target).isAllowed, actor.practitionerID != nil {
            values.merge(try await proposalContext(patient, actor, query: query)) { _, new in new }
        }
        if clinical { values.merge(try await progressContext(patient, actor, zone: zone)) { _, new in new } }
        guard clinical || mayCheckIn else { return values }
        let (sessions, checkIns) = try await treatment.recentSessions(of: patient, by: actor)
        var rows: [[String: Any]] = []
        for session in sessions {
            var row: [String: Any] = [
                "id": session.id.uuidString, "when": DisplayTime.format(session.startedAt, in: zone), "with": session.practitionerName,
                "open": session.isOpen,
            ]
            if clinical {
                row["clinical"] = [
                    "needles": session.chair.ledger.insertedCount, "painBefore": session.painBefore,
                    "painAfter": session.closing.map { "\($0.painAfter)" } ?? "–",
                ]
            }
            if !session.isOpen {
                if let checkIn = checkIns[session.id] {
                    row["checkIn"] = CheckInView.context(checkIn, zone: zone)
                } else if mayCheckIn {
                    row["checkInDue"] = true
                }
            }
            rows.append(row)
        }
        values["sessions"] = rows
        values["hasSessions"] = !rows.isEmpty
        values["showSessions"] = true
        return values
    }

    /// The plan proposed from the newest assessment, with the practitioner's edits so far, on the
    /// back chart; findings of one rule are acknowledged once for the rule.
    func proposalContext(_ patient: PatientRecord, _ actor: Actor, query: FormFields) async throws -> [String: Any] {
        guard let latest = try await services.patients.clinical(of: patient, by: actor)?.assessments.first else { return [:] }
        var edits: [PlanEdit]
        var values: [String: Any] = [:]
        do {
            edits = try PlanEditFields.edits(query)
        } catch {
            values["planError"] = error.description
            edits = []
        }
        let plan: TreatmentPlan
        do {
            plan = try await treatment.proposePlan(for: patient, edits: edits)
        } catch let error as ValidationError {
            values["planError"] = error.inWords
            edits = []
            plan = try await treatment.proposePlan(for: patient)
        }
        var proposal = PlanPageController.context(for: plan, regions: latest.assessment.regions)
        let encoded = edits.map(PlanEditFields.encode)
        proposal["edits"] = encoded
        proposal["edited"] = !edits.isEmpty
        proposal["needleRows"] = plan.needles.enumerated().map { index, needle -> [String: Any] in
            [
                "label": "\(needle.point) \(needle.side.rawValue)" + (needle.site.map { " (site \($0))" } ?? ""),
                "name": PointCatalogue.standard.point(needle.point)?.pinyin ?? "", "role": needle.role.rawValue, "depth": needle.maxDepthMm,
                "remove": PlanEditFields.encode(PlanEdit(action: .remove, point: needle.point, side: needle.side)),
                "key": "\(needle.point):\(needle.side.rawValue)",
                "first": index == plan.needles.firstIndex { $0.point == needle.point && $0.side == needle.side },
            ]
        }.filter { $0["first"] as? Bool == true }
        let acknowledgeable = plan.findings.filter(\.needsAcknowledgement)
        proposal["ruleWarnings"] = Dictionary(grouping: acknowledgeable, by: \.rule).sorted { $0.key < $1.key }.map { rule, findings -> [String: Any] in
            ["rule": rule, "messages": findings.map(\.message), "count": findings.count]
        }
        proposal["blocks"] = plan.findings.filter(\.isUnresolvedBlock).map { ["message": $0.message] }
        proposal["sides"] = NeedleSide.allCases.map(\.rawValue)
        values["proposal"] = proposal
        return values
    }

    /// The patient's courses, and the charts of the newest one that has measures.
    func progressContext(_ patient: PatientRecord, _ actor: Actor, zone: TimeZone) async throws -> [String: Any] {
        let outcomes = OutcomeService(services: services)
        let forPatient = actor.role == .patient
        let courses = try await outcomes.courseProgress(of: patient, by: actor)
        guard !courses.isEmpty else { return [:] }
        var summaries: [[String: Any]] = []
        var charted: CourseProgress?
        for progress in courses {
            summaries.append(CourseView.summary(progress, zone: zone, forPatient: forPatient))
            if charted == nil, !progress.measures.isEmpty || progress.sessionsDone > 0 { charted = progress }
        }
        var values: [String: Any] = ["courses": summaries]
        if let charted {
            let settings = try await outcomes.settings(clinicID: patient.clinicID)
            values["charts"] = CourseView.charts(charted, settings: settings, zone: zone, forPatient: forPatient)
            values["chartedCourse"] = CourseView.summary(charted, zone: zone, forPatient: forPatient)
        }
        return ["progress": values]
    }
}
