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
    func addTreatment(
        to page: inout PatientRecordPage, _ chart: PatientChart, _ actor: Actor, query: FormFields, language: Language
    ) throws {
        let patient = chart.patient
        let target = AccessTarget.patient(clinicID: patient.clinicID, patientID: patient.id)
        let mayCheckIn = AccessPolicy.decide(actor, .recordCheckIn, target).isAllowed
        let zone = chart.zone
        page.planSaved = query.text("planSaved") == "1"
        page.checkInSaved = query.first("checkIn").map { CheckInSaved(serious: $0 == "serious") }
        if let saved = chart.currentPlan {
            page.currentPlan = CurrentPlanView(saved, forPatient: actor.role == .patient, zone: zone)
        }
        if let clinical = chart.clinical, AccessPolicy.decide(actor, .planTreatment, target).isAllowed, actor.practitionerID != nil {
            try addProposal(to: &page, clinical, query: query)
        }
        if chart.clinical != nil { page.progress = progress(chart, forPatient: actor.role == .patient, language: language) }
        guard chart.clinical != nil || mayCheckIn else { return }
        page.sessions = chart.sessions.map {
            SessionRow($0, checkIn: chart.checkIns[$0.id], clinical: chart.clinical != nil, mayCheckIn: mayCheckIn, zone: zone)
        }
        page.hasSessions = !chart.sessions.isEmpty
        page.showSessions = true
    }

    /// The plan proposed from the newest assessment, with the practitioner's edits so far, on the
    /// back chart; findings of one rule are acknowledged once for the rule.
    func addProposal(to page: inout PatientRecordPage, _ clinical: PatientService.Clinical, query: FormFields) throws {
        guard let latest = clinical.assessments.first else { return }
        var edits: [PlanEdit]
        do {
            edits = try PlanEditFields.edits(query)
        } catch {
            page.planError = error.description
            edits = []
        }
        let plan: TreatmentPlan
        do {
            plan = try treatment.proposePlan(from: clinical, edits: edits)
        } catch let error as ValidationError {
            page.planError = error.inWords
            edits = []
            plan = try treatment.proposePlan(from: clinical)
        }
        page.proposal = ProposalView(plan, regions: latest.assessment.regions, edits: edits)
    }

    /// The patient's courses, and the charts of the newest one that has measures; nil without any.
    func progress(_ chart: PatientChart, forPatient: Bool, language: Language) -> ProgressView? {
        let courses = chart.courses
        let zone = chart.zone
        guard !courses.isEmpty else { return nil }
        let summaries = courses.map { CourseView($0, zone: zone, forPatient: forPatient) }
        guard let charted = courses.first(where: { !$0.measures.isEmpty || $0.sessionsDone > 0 }) else {
            return ProgressView(courses: summaries, charts: nil, chartedCourse: nil)
        }
        return ProgressView(
            courses: summaries,
            charts: renderer.charts(charted, settings: chart.outcomeSettings, zone: zone, forPatient: forPatient, language: language),
            chartedCourse: CourseView(charted, zone: zone, forPatient: forPatient))
    }
}
