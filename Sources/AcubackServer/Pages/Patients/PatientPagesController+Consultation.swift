import AcubackServices
import AcubackCore
import Foundation
import Hummingbird

/// The first consultation on a patient's record: the assessment form and its history, the red
/// flags and the decisions on them, and the consent text with its signatures.
extension PatientPagesController {
    var consultations: ConsultationService { ConsultationService(services: services) }
    var consent: ConsentService { ConsentService(services: services) }

    func addConsultationRoutes(to router: Router<AcubackRequestContext>) {
        router.post("/patients/{id}/assessments") { request, context in
            let patient = try await patientFor(context, .planTreatment)
            let form = try await FormFields.of(request)
            do {
                let consultation = try ConsultationForm(fields: form).consultation()
                _ = try await consultations.record(consultation, for: patient, by: context.actor!, from: context.clientAddress)
            } catch let error as ValidationError {
                return try await record(patient.id, request, context, extra: [
                    "consultationForm": ConsultationForm(fields: form).context(errors: error.errors),
                    "assessmentErrors": error.errors.map { ["field": $0.field, "label": ConsultationForm.label($0.field), "rule": $0.rule] }, "hasAssessmentErrors": true,
                ], status: .badRequest)
            } catch let error as any ProblemConvertible {
                let refusal = error.problem(instance: nil).pageRefusal
                return try await record(patient.id, request, context, extra: ["assessmentError": refusal.message], status: refusal.status)
            }
            return Response.redirect(to: "/patients/\(patient.id)?assessmentSaved=1#red-flags", type: .normal)
        }
        router.post("/patients/{id}/red-flags/decisions") { request, context in
            let patient = try await patientFor(context, .planTreatment)
            let form = try await FormFields.of(request)
            do {
                _ = try await consultations.decide(
                    outcome: RedFlagOutcome(rawValue: form.text("outcome")), reason: form.text("reason"), referredTo: form.text("referredTo"),
                    for: patient, by: context.actor!, from: context.clientAddress)
            } catch let error as any ProblemConvertible {
                let refusal = error.problem(instance: nil).pageRefusal
                return try await record(patient.id, request, context, extra: [
                    "decisionError": refusal.message, "decisionReason": form.text("reason"), "decisionReferredTo": form.text("referredTo"),
                ], status: refusal.status)
            }
            return Response.redirect(to: "/patients/\(patient.id)?decisionSaved=1#red-flags", type: .normal)
        }
        router.post("/patients/{id}/consent") { request, context in
            let patient = try await patientFor(context, .changePatientContact)
            let form = try await FormFields.of(request)
            let actor = context.actor!
            let method = actor.role == .patient ? .online : (ConsentMethod(rawValue: form.text("method")) ?? .desk)
            do {
                _ = try await consent.sign(
                    ConsentSignature(method: method, signedName: form.text("signedName"), reason: form.text("reason")),
                    for: patient, by: actor, from: context.clientAddress)
            } catch let error as any ProblemConvertible {
                let refusal = error.problem(instance: nil).pageRefusal
                return try await record(patient.id, request, context, extra: ["consentError": refusal.message], status: refusal.status)
            }
            return Response.redirect(to: "/patients/\(patient.id)?consentSaved=1#consent", type: .normal)
        }
    }

    /// The consultation parts of the record, as far as the person looking may see them.
    func consultationContext(_ patient: PatientRecord, _ actor: Actor, query: FormFields, zone: TimeZone) async throws -> [String: Any] {
        let target = AccessTarget.patient(clinicID: patient.clinicID, patientID: patient.id)
        var values: [String: Any] = [:]
        if query.text("assessmentSaved") == "1" { values["assessmentSaved"] = true }
        if query.text("decisionSaved") == "1" { values["decisionSaved"] = true }
        if query.text("consentSaved") == "1" { values["consentSaved"] = true }
        if AccessPolicy.decide(actor, .readPatientClinical, target).isAllowed {
            let (history, flags) = try await consultations.history(of: patient, by: actor)
            values["assessmentHistory"] = history.map { Self.assessmentRow($0, zone: zone) }
            values["hasAssessments"] = !history.isEmpty
            values["redFlags"] = Self.redFlagContext(flags, zone: zone)
            values["treatmentStopped"] = !flags.clearance.isClear
            let mayAssess = AccessPolicy.decide(actor, .planTreatment, target).isAllowed && actor.practitionerID != nil
            if mayAssess {
                values["canAssess"] = true
                let risks = (try await services.patients.clinical(of: patient, by: actor)?.risks ?? .none).on(CalendarDay(services.now(), in: .gmt))
                values["consultationForm"] = ConsultationForm(
                    fields: ConsultationForm.prefilled(from: history.first?.consultation, risks: risks)).context(errors: [])
                values["canDecide"] = !flags.screens.allSatisfy(\.screen.flags.isEmpty)
            }
        }
        let text = try await consent.current(clinicID: patient.clinicID)
        let given = try await services.patients.consents(of: patient, by: actor)
        values["consentText"] = ["version": text.version, "paragraphs": text.text.components(separatedBy: "\n\n")] as [String: Any]
        values["consents"] = given.map { consent -> [String: Any] in
            let how: String = switch consent.method {
            case .online: "signed online as \u{201C}\(consent.signedName)\u{201D}"
            case .desk: "signed at the desk as \u{201C}\(consent.signedName)\u{201D}"
            case .verbal: "given aloud (\(consent.reason))"
            case nil: "recorded"
            }
            return ["version": consent.version, "at": DisplayTime.format(consent.givenAt, in: zone), "how": how, "current": consent.version == text.version]
        }
        values["hasCurrentConsent"] = given.contains { $0.version == text.version }
        values["consentBySelf"] = actor.role == .patient
        values["consentVerbalAllowed"] = actor.role == .practitioner || actor.role == .admin
        return values
    }

    static func assessmentRow(_ record: ConsultationRecord, zone: TimeZone) -> [String: Any] {
        let c = record.consultation
        let a = c.assessment
        let regions: String = a.regions.map { "\($0.rawValue) back" }.joined(separator: " and ")
        let side: String = a.side == .both ? "both sides" : "\(a.side.rawValue) side"
        let levels: String = a.levels.isEmpty ? "" : " (" + a.levels.map(\.rawValue).joined(separator: ", ") + ")"
        let duration: String = c.durationWeeks.map { ", \($0) weeks" } ?? ""
        var row: [String: Any] = [
            "date": DisplayTime.format(record.recordedAt, in: zone), "complaint": c.complaint,
            "where": "\(regions), \(side)\(levels)",
            "onset": a.onset.rawValue + duration, "radiates": a.radiatesToLeg,
            "redFlags": c.redFlags.map(\.question), "hasRedFlags": !c.redFlags.isEmpty,
            "electroacupuncture": a.electroacupuncture,
        ]
        let exam = c.examination
        var findings: [String] = []
        if !exam.rangeOfMovement.isEmpty { findings.append("Movement: \(exam.rangeOfMovement)") }
        if let left = exam.straightLegRaiseLeft { findings.append("Straight-leg raise left \(left)°") }
        if let right = exam.straightLegRaiseRight { findings.append("Straight-leg raise right \(right)°") }
        if !exam.tenderPoints.isEmpty { findings.append("Tender: \(exam.tenderPoints)") }
        if !exam.neurologicalSigns.isEmpty { findings.append("Neurological: \(exam.neurologicalSigns)") }
        row["examination"] = findings
        row["hasExamination"] = !findings.isEmpty
        if record.isComplete {
            let words = ClinicalView.riskWords(a.patient)
            row["risks"] = words.isEmpty ? "none recorded" : words.joined(separator: "; ")
        }
        return row
    }

    static func redFlagContext(_ history: RedFlagHistory, zone: TimeZone) -> [String: Any] {
        var values: [String: Any] = [
            "screened": !history.screens.isEmpty,
            "decisions": history.decisions.reversed().map { record -> [String: Any] in
                let d = record.decision
                return [
                    "outcome": d.outcome == .cleared ? "Reviewed and cleared" : "Referred" + (d.referredTo.map { " to \($0)" } ?? ""),
                    "reason": d.reason, "by": record.decidedByName, "at": DisplayTime.format(d.decidedAt, in: zone),
                ]
            },
        ]
        if case .stopped(let flags, let referred) = history.clearance {
            values["stopped"] = ["flags": flags.map(\.question), "referred": referred, "urgent": history.clearance.isUrgent] as [String: Any]
        } else if history.screens.contains(where: { !$0.screen.flags.isEmpty }) {
            values["cleared"] = true
        }
        return values
    }
}
