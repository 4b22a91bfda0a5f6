import FluentKit

/// Every schema change, in the order it is applied. Append only: a released migration never changes.
enum AcubackMigrations {
    static let all: [any AsyncMigration] = [
        CreateClinics(),
        CreateUsers(),
        CreatePractitioners(),
        CreatePatients(),
        CreateAppointments(),
        CreateAccounts(),
        CreateOutbox(),
        CreateAuditTrail(),
        CreateClinicOperations(),
        CreateTreatmentSessions(),
        CreateOutcomes(),
        StorePlansOnce(),
        IndexPatientRecords(),
        KeepAnalyticsCounts(),
        RecordConsultations(),
        KeyTheAuditChain(),
        HoldPatientSlots(),
        RecordAdjuncts(),
        KeepPregnancyDates(),
        RecordMetalImplants(),
        KeepOffDayStarts(),
        KeepClinicDetails(),
        LetPatientsBookTreatments(),
        ClaimSlotUnits(),
        KeepBillingDetails(),
        SendTextMessages(),
        KeepWaitlists(),
        KeepPaymentsAndPackages(),
        RememberLanguages(),
    ]
}
