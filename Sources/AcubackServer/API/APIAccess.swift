import AcubackServices
import AcubackAPI
import AcubackCore
import HTTPTypes
import OpenAPIRuntime

/// What each API operation needs. An operation missing from this table is refused: a new
/// endpoint is closed until someone decides who may use it. Record-level checks (which patient)
/// happen in the handler, through the same policy.
enum APIAccess {
    static let rules: [String: Action] = [
        Operations.GetHealth.id: .readPublic,
        Operations.GetReadiness.id: .readPublic,
        Operations.GetOpenAPIDocument.id: .readPublic,
        Operations.ListPoints.id: .readPublic,
        Operations.GetPoint.id: .readPublic,
        Operations.PreviewPlan.id: .planTreatment,
        Operations.GetMe.id: .manageOwnAccount,
        Operations.ListPatients.id: .listPatients,
        Operations.GetPatient.id: .readPatientContact,
        Operations.GetPatientClinical.id: .readPatientClinical,
        Operations.CreatePatient.id: .listPatients,
        Operations.UpdateIntake.id: .changePatientClinical,
        Operations.RecordConsent.id: .changePatientContact,
        Operations.ListPractitioners.id: .readPublic,
        Operations.AddCertificate.id: .manageUsers,
        Operations.GetAvailability.id: .readPublic,
        // Patients see and change their own visits, staff their clinic's: decided in the handlers.
        Operations.ListAppointments.id: .manageOwnAccount,
        Operations.BookAppointment.id: .manageOwnAccount,
        Operations.CancelAppointment.id: .manageOwnAccount,
        Operations.RescheduleAppointment.id: .manageOwnAccount,
        Operations.MarkAttendance.id: .readSchedule,
        // A patient their own entries, the desk any patient's: decided in the use case.
        Operations.ListWaitlist.id: .manageWaitlist,
        Operations.JoinWaitlist.id: .manageWaitlist,
        Operations.LeaveWaitlist.id: .manageWaitlist,
        Operations.GetCourse.id: .manageOwnAccount,
        Operations.SearchCourse.id: .listPatients,
        Operations.BookCourse.id: .listPatients,
        Operations.SavePlan.id: .planTreatment,
        Operations.GetCurrentPlan.id: .readPatientClinical,
        // A patient lists their own sessions, a practitioner theirs, an admin the clinic's: in the handler.
        Operations.ListSessions.id: .readPatientClinical,
        Operations.StartSession.id: .treatPatient,
        Operations.GetSession.id: .readPatientClinical,
        Operations.InsertNeedle.id: .treatPatient,
        Operations.RemoveNeedles.id: .treatPatient,
        Operations.RecordSearch.id: .treatPatient,
        Operations.RecordElectricalPair.id: .treatPatient,
        Operations.StartTimer.id: .treatPatient,
        Operations.UndoLastTap.id: .treatPatient,
        Operations.SetSessionContact.id: .treatPatient,
        Operations.GetSuperbill.id: .readBilling,
        Operations.GetBillingSettings.id: .manageBilling,
        Operations.SaveBillingSettings.id: .manageBilling,
        Operations.SaveProviderIdentity.id: .manageBilling,
        Operations.GetAccount.id: .readBilling,
        Operations.RecordPayment.id: .takePayment,
        Operations.SellPackage.id: .takePayment,
        Operations.DrawPackage.id: .takePayment,
        Operations.CancelPackage.id: .takePayment,
        Operations.GetTakings.id: .takePayment,
        Operations.CloseSession.id: .treatPatient,
        Operations.ListCheckIns.id: .recordCheckIn,
        Operations.RecordCheckIn.id: .recordCheckIn,
        Operations.GetSessionStricta.id: .readPatientClinical,
        Operations.ListIncidents.id: .readIncidents,
        Operations.ListMeasures.id: .readPatientClinical,
        Operations.RecordMeasure.id: .recordOutcome,
        Operations.ListCourseReviews.id: .readPatientClinical,
        Operations.ReviewCourse.id: .recordOutcome,
        Operations.GetAnalytics.id: .readAnalytics,
        Operations.GetOutcomeSettings.id: .readAnalytics,
        Operations.SaveOutcomeSettings.id: .manageUsers,
        Operations.GetMessagingSettings.id: .listPatients,
        Operations.SaveMessagingSettings.id: .manageUsers,
        Operations.SetTextMessages.id: .changePatientContact,
        Operations.ExportPatientFHIR.id: .readPatientClinical,
        Operations.GetCourseStricta.id: .readPatientClinical,
        Operations.GetSessionStrictaReport.id: .readPatientClinical,
        Operations.ListAssessments.id: .readPatientClinical,
        Operations.RecordAssessment.id: .planTreatment,
        Operations.GetRedFlags.id: .readPatientClinical,
        Operations.RecordRedFlagDecision.id: .planTreatment,
        // Every signed-in person of the clinic may read the text they are asked to consent to.
        Operations.GetConsentText.id: .manageOwnAccount,
        Operations.GetSessionNote.id: .readPatientClinical,
        Operations.WriteSessionNote.id: .treatPatient,
    ]
}

/// Checks every API operation against `APIAccess.rules` before its handler runs.
struct APIAccessMiddleware: ServerMiddleware {
    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        guard let action = APIAccess.rules[operationID] else {
            throw AccessDenied(signedIn: RequestActor.current != nil, reason: "operation \(operationID) has no access rule")
        }
        switch AccessPolicy.decide(RequestActor.current, action) {
        case .allow: return try await next(request, body, metadata)
        case .signInRequired: throw AccessDenied(signedIn: false, reason: "sign-in required for \(operationID)")
        case .deny(let reason): throw AccessDenied(signedIn: true, reason: reason)
        }
    }
}
