import AcubackServices
import AcubackCore
import Foundation

/// The patient template's values: one patient's record, as far as the person looking may see it.
///
/// Filled in parts (contact, care, consultation, treatment), then by what the last form posted to
/// the record left to say; a part the person may not see leaves its keys nil, so the template's
/// sections for it stay out.
struct PatientRecordPage: PageModel {
    // Contact and clinical record.
    var name: String
    var birthDate: String
    var email: String
    var phone: String
    var own: Bool
    var clinical: ClinicalView?
    /// Text messages wanted, and the checklist before the first visit (`addMessaging`).
    var messaging: MessagingView?

    // Visits, course booking, consent and intake (`careContext`).
    var patientId: String
    var visits: [VisitRow] = []
    var hasVisits = false
    var canBook = false
    var canEditIntake = false
    var canConsent = false
    var courseFromDefault: String?
    var practitioners: [PractitionerChoice]?
    var regimens: [RegimenChoice]?
    var intake: IntakeView?

    // Assessments, red flags and consent (`consultationContext`).
    var assessmentSaved = false
    var decisionSaved = false
    var consentSaved = false
    var assessmentHistory: [AssessmentRow]?
    var hasAssessments = false
    var redFlags: RedFlagsView?
    var treatmentStopped = false
    var canAssess = false
    var consultationForm: ConsultationFormView?
    var canDecide = false
    var consentText: ConsentTextView?
    var consents: [ConsentRow] = []
    var hasCurrentConsent = false
    var consentBySelf = false
    var consentVerbalAllowed = false

    // Plan, progress and sessions (`treatmentContext`).
    var planSaved = false
    var checkInSaved: CheckInSaved?
    var currentPlan: CurrentPlanView?
    /// The plan proposed from the newest assessment.
    var proposal: ProposalView?
    var planError: String?
    var progress: ProgressView?
    var sessions: [SessionRow] = []
    var hasSessions = false
    var showSessions = false

    // What the last form posted to the record left to say.
    var message: String?
    var assessmentError: String?
    var assessmentErrors: [[String: String]]?
    var hasAssessmentErrors = false
    var decisionError: String?
    var decisionReason: String?
    var decisionReferredTo: String?
    var consentError: String?
    var courseError: String?
    var courseBooked: Int?
    var courseBookedDates: [String]?
    /// The times of a course the desk has just looked for.
    var proposalTimes: [String]?
    var proposalShown: String?
    var proposalWith: String?
    var proposalPractitioner: String?
    var courseSessions: Int?
    var coursePerWeek: Int?
    var courseWeeks: Int?
    var courseRegimen: String?
    var courseSummary: String?
    var courseFrom: String?

    init(_ patient: PatientRecord, own: Bool, clinical: ClinicalView?) {
        name = patient.name
        birthDate = patient.birthDate
        email = patient.email ?? ""
        phone = patient.phone ?? ""
        self.own = own
        self.clinical = clinical
        patientId = patient.id.uuidString
    }

    struct VisitRow: Sendable {
        let when: String
        let kind: String
        let with: String
        let status: String

        init(_ visit: AppointmentRecord, zone: TimeZone) {
            when = DisplayTime.format(visit.start, in: zone)
            kind = PlainWords.visit(visit.kind)
            with = visit.practitionerName
            status = PlainWords.status(visit.status).lowercased()
        }
    }

    struct PractitionerChoice: Sendable {
        let id: String
        let name: String
    }

    struct RegimenChoice: Sendable {
        let value: String
        let selected: Bool
        let label: String
    }

    /// The intake form, filled from the risk factors as they stand today.
    struct IntakeView: Sendable {
        struct Bleeding: Sendable {
            let value: String
            let selected: Bool
        }

        let pregnancyWeek: String
        let bmi: String
        let flags: [PlanFormView.Flag]
        let bleeding: [Bleeding]
        let skin: [PlanFormView.Choice]
        let implants: [PlanFormView.Choice]

        init(_ risks: RiskFactors) {
            pregnancyWeek = risks.pregnancyWeek.map(String.init) ?? ""
            bmi = risks.bmi.map { String($0) } ?? ""
            let ticked = ConsultationForm.riskFlags(risks)
            flags = PlanFormView.riskFlags.map { PlanFormView.Flag(name: $0.name, label: $0.label, checked: ticked[$0.name] ?? false) }
            bleeding = BleedingDisorder.allCases.map { Bleeding(value: $0.rawValue, selected: $0 == risks.bleedingDisorder) }
            skin = SkinRegion.allCases.map {
                PlanFormView.Choice(value: $0.rawValue, label: PositionText.words($0.rawValue), checked: risks.brokenSkinRegions.contains($0))
            }
            implants = SkinRegion.allCases.map {
                PlanFormView.Choice(value: $0.rawValue, label: PositionText.words($0.rawValue), checked: risks.metalImplantRegions.contains($0))
            }
        }
    }
}

/// The clinical part of a patient's record, in words.
struct ClinicalView: Sendable {
    let risks: [String]

    init(risks: RiskFactors) {
        let flags = Self.riskWords(risks)
        self.risks = flags.isEmpty ? ["No risk factors recorded"] : flags
    }

    /// The patient's risk factors in words, for the record and each assessment's snapshot.
    static func riskWords(_ risks: RiskFactors) -> [String] {
        var flags: [String] = []
        if let week = risks.pregnancyWeek { flags.append("Pregnant, week \(week)") }
        if risks.anticoagulants { flags.append("Takes anticoagulants") }
        if risks.bleedingDisorder != .none { flags.append("Bleeding disorder: \(risks.bleedingDisorder.rawValue)") }
        if risks.implantedDevice { flags.append("Pacemaker or implanted device") }
        if risks.lungDisease { flags.append("Chronic lung disease") }
        if risks.thoracicSurgery { flags.append("Previous thoracic surgery") }
        if let bmi = risks.bmi { flags.append("BMI \(String(format: "%.1f", bmi))") }
        if risks.faintingHistory { flags.append("History of fainting") }
        if risks.needlePhobia { flags.append("Needle phobia") }
        if risks.epilepsy { flags.append("Epilepsy") }
        if !risks.metalImplantRegions.isEmpty { flags.append("Metal implant: " + risks.metalImplantRegions.map { PositionText.words($0.rawValue).lowercased() }.joined(separator: ", ")) }
        if !risks.brokenSkinRegions.isEmpty { flags.append("Broken skin: " + risks.brokenSkinRegions.map { PositionText.words($0.rawValue).lowercased() }.joined(separator: ", ")) }
        if risks.cannotLieProne { flags.append("Cannot lie face down") }
        return flags
    }
}
