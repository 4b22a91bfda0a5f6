import Foundation

/// Something a person may want to do.
public enum Action: String, Sendable, CaseIterable {
    /// Public pages, the point catalogue, the health probes.
    case readPublic
    /// One's own account: sign out, API tokens.
    case manageOwnAccount
    /// A patient's view of their own record (the portal).
    case readOwnRecord
    /// Propose and check treatment plans.
    case planTreatment
    /// The list of the clinic's patients.
    case listPatients
    /// Name, birth date and contact details of a patient.
    case readPatientContact
    case changePatientContact
    /// Assessments, risk factors, plans and sessions of a patient.
    case readPatientClinical
    case changePatientClinical
    /// The clinic's bookings.
    case readSchedule
    /// Staff accounts of the clinic.
    case manageUsers
    /// The clinic's audit trail.
    case readAudit
    /// Run a treatment session at the chair: start it, needles in and out, the timer, closing.
    /// Only the practitioner whose session it is.
    case treatPatient
    /// The check-in a day or two after a session: the patient, or reception on the phone.
    case recordCheckIn
    /// Needles lost, serious after-effects: the clinic admin follows them up.
    case readIncidents
    /// Take a patient's outcome measures and review their course.
    case recordOutcome
    /// The clinic's outcome figures: responder rates, after-effects per 100 sessions.
    case readAnalytics
    /// A patient's superbills, receipts and balance: the patient, reception and the clinicians.
    case readBilling
    /// The clinic's fees, currency and practitioners' billing identities.
    case manageBilling
    /// Take payments, sell and draw packages, and see the day's takings: the front desk and the clinicians.
    case takePayment
    /// Join or leave the waitlist and see its entries: a patient for themselves, the desk for any
    /// patient of the clinic.
    case manageWaitlist
}

/// What an action is done to.
public enum AccessTarget: Sendable, Equatable {
    case none
    case clinic(UUID)
    case patient(clinicID: UUID, patientID: UUID)
    /// A treatment session, which belongs to the practitioner who runs it.
    case session(clinicID: UUID, practitionerID: UUID)
}

public enum AccessDecision: Sendable, Equatable {
    case allow
    /// Not signed in: sign in first.
    case signInRequired
    /// Signed in, but not allowed; the reason is for logs, never for the response.
    case deny(String)

    public var isAllowed: Bool { self == .allow }
}

/// The one place that answers "may this person do this to this record", for pages, API and CLI
/// alike. Patients see only their own records; reception sees schedules and contact details but
/// not clinical notes; practitioners and admins see their own clinic only.
public enum AccessPolicy {
    public static func decide(_ actor: Actor?, _ action: Action, _ target: AccessTarget = .none) -> AccessDecision {
        if action == .readPublic { return .allow }
        guard let actor else { return .signInRequired }
        if action == .manageOwnAccount { return .allow }
        guard roles(for: action).contains(actor.role) else {
            return .deny("\(actor.role.rawValue) may not \(action.rawValue)")
        }
        switch target {
        case .none:
            return .allow
        case .clinic(let clinicID):
            return clinicID == actor.clinicID ? .allow : .deny("another clinic")
        case .patient(let clinicID, let patientID):
            guard clinicID == actor.clinicID else { return .deny("a patient of another clinic") }
            if actor.role == .patient, actor.patientID != patientID { return .deny("another patient's record") }
            return .allow
        case .session(let clinicID, let practitionerID):
            guard clinicID == actor.clinicID else { return .deny("a session of another clinic") }
            return actor.practitionerID == practitionerID ? .allow : .deny("another practitioner's session")
        }
    }

    /// The roles that may take an action at all; the target then narrows it to their clinic or record.
    public static func roles(for action: Action) -> Set<Role> {
        switch action {
        case .readPublic, .manageOwnAccount: Set(Role.allCases)
        case .readOwnRecord: [.patient]
        case .planTreatment: [.practitioner, .admin]
        case .listPatients: [.reception, .practitioner, .admin]
        case .readPatientContact, .changePatientContact: [.patient, .reception, .practitioner, .admin]
        case .readPatientClinical: [.patient, .practitioner, .admin]
        // A patient fills in their own intake form; reception never sees clinical data.
        case .changePatientClinical: [.patient, .practitioner, .admin]
        case .readSchedule: [.reception, .practitioner, .admin]
        case .manageUsers, .readAudit, .readIncidents: [.admin]
        // An admin who also treats has a practitioner record; the session target checks it.
        case .treatPatient: [.practitioner, .admin]
        case .recordOutcome, .readAnalytics: [.practitioner, .admin]
        case .recordCheckIn: [.patient, .reception, .practitioner, .admin]
        // Reception hands out superbills, so it sees their diagnosis codes, never the clinical notes.
        case .readBilling: [.patient, .reception, .practitioner, .admin]
        case .manageBilling: [.admin]
        case .takePayment: [.reception, .practitioner, .admin]
        case .manageWaitlist: [.patient, .reception, .practitioner, .admin]
        }
    }
}
