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
                return try await record(patient.id, request, context, status: refusal.status) { $0.planError = refusal.message }
            }
            return Response.redirect(to: "/patients/\(patient.id)?planSaved=1#plan", type: .normal)
        }
    }

    /// The plan and sessions part of the record, as far as the person looking may see it.
    func addTreatment(to page: inout PatientRecordPage, _ patient: PatientRecord, _ actor: Actor, query: FormFields) async throws {
        let target = AccessTarget.patient(clinicID: patient.clinicID, patientID: patient.id)
        let clinical = AccessPolicy.decide(actor, .readPatientClinical, target).isAllowed
        let mayCheckIn = AccessPolicy.decide(actor, .recordCheckIn, target).isAllowed
        let zone = try await services.clinic.settings(clinicID: patient.clinicID).zone
        page.planSaved = query.text("planSaved") == "1"
        page.checkInSaved = query.first("checkIn").map { CheckInSaved(serious: $0 == "serious") }
        if clinical, let saved = try await treatment.currentPlan(of: patient, by: actor) {
            page.currentPlan = CurrentPlanView(saved, forPatient: actor.role == .patient, zone: zone)
        }
        if AccessPolicy.decide(actor, .planTreatment, target).isAllowed, actor.practitionerID != nil {
            try await addProposal(to: &page, patient, actor, query: query)
        }
        if clinical { page.progress = try await progress(patient, actor, zone: zone) }
        guard clinical || mayCheckIn else { return }
        let (sessions, checkIns) = try await treatment.recentSessions(of: patient, by: actor)
        page.sessions = sessions.map {
            SessionRow($0, checkIn: checkIns[$0.id], clinical: clinical, mayCheckIn: mayCheckIn, zone: zone)
        }
        page.hasSessions = !sessions.isEmpty
        page.showSessions = true
    }

    /// The plan proposed from the newest assessment, with the practitioner's edits so far, on the
    /// back chart; findings of one rule are acknowledged once for the rule.
    func addProposal(to page: inout PatientRecordPage, _ patient: PatientRecord, _ actor: Actor, query: FormFields) async throws {
        guard let latest = try await services.patients.clinical(of: patient, by: actor)?.assessments.first else { return }
        var edits: [PlanEdit]
        do {
            edits = try PlanEditFields.edits(query)
        } catch {
            page.planError = error.description
            edits = []
        }
        let plan: TreatmentPlan
        do {
            plan = try await treatment.proposePlan(for: patient, edits: edits)
        } catch let error as ValidationError {
            page.planError = error.inWords
            edits = []
            plan = try await treatment.proposePlan(for: patient)
        }
        page.proposal = ProposalView(plan, regions: latest.assessment.regions, edits: edits)
    }

    /// The patient's courses, and the charts of the newest one that has measures; nil without any.
    func progress(_ patient: PatientRecord, _ actor: Actor, zone: TimeZone) async throws -> ProgressView? {
        let outcomes = OutcomeService(services: services)
        let forPatient = actor.role == .patient
        let courses = try await outcomes.courseProgress(of: patient, by: actor)
        guard !courses.isEmpty else { return nil }
        let summaries = courses.map { CourseView($0, zone: zone, forPatient: forPatient) }
        guard let charted = courses.first(where: { !$0.measures.isEmpty || $0.sessionsDone > 0 }) else {
            return ProgressView(courses: summaries, charts: nil, chartedCourse: nil)
        }
        let settings = try await outcomes.settings(clinicID: patient.clinicID)
        return ProgressView(
            courses: summaries,
            charts: CourseCharts(progress: charted, settings: settings, zone: zone, forPatient: forPatient).figures.map(\.view),
            chartedCourse: CourseView(charted, zone: zone, forPatient: forPatient))
    }
}
