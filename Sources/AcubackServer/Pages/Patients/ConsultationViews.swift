import AcubackServices
import AcubackCore
import Foundation

/// One recorded assessment in the record's history.
struct AssessmentRow: Sendable {
    let date: String
    let complaint: String
    let `where`: String
    let onset: String
    let radiates: Bool
    let redFlags: [String]
    let hasRedFlags: Bool
    let electroacupuncture: Bool
    let examination: [String]
    let hasExamination: Bool
    /// Nil for an assessment recorded before the intake was kept with it. The template then finds
    /// the record's own risk factors under the same name, as it always has.
    let risks: String?

    init(_ record: ConsultationRecord, zone: TimeZone) {
        let c = record.consultation
        let a = c.assessment
        let regions: String = a.regions.map { "\($0.rawValue) back" }.joined(separator: " and ")
        let side: String = a.side == .both ? "both sides" : "\(a.side.rawValue) side"
        let levels: String = a.levels.isEmpty ? "" : " (" + a.levels.map(\.rawValue).joined(separator: ", ") + ")"
        let duration: String = c.durationWeeks.map { ", \($0) weeks" } ?? ""
        date = DisplayTime.format(record.recordedAt, in: zone)
        complaint = c.complaint
        `where` = "\(regions), \(side)\(levels)"
        onset = a.onset.rawValue + duration
        radiates = a.radiatesToLeg
        redFlags = c.redFlags.map(\.question)
        hasRedFlags = !c.redFlags.isEmpty
        electroacupuncture = a.electroacupuncture
        let exam = c.examination
        var findings: [String] = []
        if !exam.rangeOfMovement.isEmpty { findings.append("Movement: \(exam.rangeOfMovement)") }
        if let left = exam.straightLegRaiseLeft { findings.append("Straight-leg raise left \(left)°") }
        if let right = exam.straightLegRaiseRight { findings.append("Straight-leg raise right \(right)°") }
        if !exam.tenderPoints.isEmpty { findings.append("Tender: \(exam.tenderPoints)") }
        if !exam.neurologicalSigns.isEmpty { findings.append("Neurological: \(exam.neurologicalSigns)") }
        examination = findings
        hasExamination = !findings.isEmpty
        if record.isComplete {
            let words = ClinicalView.riskWords(a.patient)
            risks = words.isEmpty ? "none recorded" : words.joined(separator: "; ")
        } else {
            risks = nil
        }
    }
}

/// The red-flag screens of a patient and the decisions on them.
struct RedFlagsView: Sendable {
    struct Decision: Sendable {
        let outcome: String
        let reason: String
        let by: String
        let at: String

        init(_ record: RedFlagDecisionRecord, zone: TimeZone) {
            let d = record.decision
            outcome = d.outcome == .cleared ? "Reviewed and cleared" : "Referred" + (d.referredTo.map { " to \($0)" } ?? "")
            reason = d.reason
            by = record.decidedByName
            at = DisplayTime.format(d.decidedAt, in: zone)
        }
    }

    struct Stopped: Sendable {
        let flags: [String]
        let referred: Bool
        let urgent: Bool
    }

    let screened: Bool
    let decisions: [Decision]
    let stopped: Stopped?
    let cleared: Bool

    init(_ history: RedFlagHistory, zone: TimeZone) {
        screened = !history.screens.isEmpty
        decisions = history.decisions.reversed().map { Decision($0, zone: zone) }
        if case .stopped(let flags, let referred) = history.clearance {
            stopped = Stopped(flags: flags.map(\.question), referred: referred, urgent: history.clearance.isUrgent)
            cleared = false
        } else {
            stopped = nil
            cleared = history.screens.contains(where: { !$0.screen.flags.isEmpty })
        }
    }
}

/// The consultation-form template's values, inside `{{#consultationForm}}`: the plan form's
/// fields and this form's own.
struct ConsultationFormView: Sendable {
    struct RedFlagChoice: Sendable {
        let value: String
        let question: String
        let checked: Bool
    }

    struct RedFlagGroupView: Sendable {
        let title: String
        let flags: [RedFlagChoice]
    }

    /// The plan form's fields, which the template reads inside `{{#form}}`.
    let form: PlanFormView

    let complaint: String
    let durationWeeks: String
    let slrLeft: String
    let slrRight: String
    let rangeOfMovement: String
    let tenderPoints: String
    let neuroSigns: String
    let redFlagGroups: [RedFlagGroupView]
    let complaintError: String?
    let durationError: String?
    let redFlagsError: String?
    let examError: String?

    init(_ fields: FormFields, errors: [FieldError]) {
        form = PlanFormView(fields, errors: errors)

        complaint = fields.text("complaint")
        durationWeeks = fields.text("durationWeeks")
        slrLeft = fields.text("slrLeft")
        slrRight = fields.text("slrRight")
        rangeOfMovement = fields.text("rangeOfMovement")
        tenderPoints = fields.text("tenderPoints")
        neuroSigns = fields.text("neuroSigns")
        let ticked = Set(fields.all("redFlags"))
        redFlagGroups = RedFlagGroup.allCases.map { group in
            RedFlagGroupView(
                title: group.title,
                flags: RedFlag.allCases.filter { $0.group == group }.map {
                    RedFlagChoice(value: $0.rawValue, question: $0.question, checked: ticked.contains($0.rawValue))
                })
        }
        func rules(_ field: String) -> String? {
            let text = errors.filter { $0.field == field }.map(\.rule).joined(separator: "; ")
            return text.isEmpty ? nil : text
        }
        complaintError = rules("complaint")
        durationError = rules("durationWeeks")
        redFlagsError = rules("redFlags")
        let exam = errors.filter { $0.field.hasPrefix("examination.") }.map(FieldWords.sentence).joined(separator: "; ")
        examError = exam.isEmpty ? nil : exam
    }
}

/// The consent text the clinic asks patients to sign now.
struct ConsentTextView: Sendable {
    let version: String
    let paragraphs: [String]

    init(_ text: ConsentTextRecord) {
        version = text.version
        paragraphs = text.text.components(separatedBy: "\n\n")
    }
}

/// One consent the patient has given, and how.
struct ConsentRow: Sendable {
    let version: String
    let at: String
    let how: String
    let current: Bool

    init(_ consent: ConsentRecord, currentVersion: String, zone: TimeZone) {
        version = consent.version
        at = DisplayTime.format(consent.givenAt, in: zone)
        how = switch consent.method {
        case .online: "signed online as \u{201C}\(consent.signedName)\u{201D}"
        case .desk: "signed at the desk as \u{201C}\(consent.signedName)\u{201D}"
        case .verbal: "given aloud (\(consent.reason))"
        case nil: "recorded"
        }
        current = consent.version == currentVersion
    }
}
