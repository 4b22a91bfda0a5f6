import AcubackStore

// The records the use cases answer with. Pages, API handlers and commands name them through this
// library; the stores that read and write them stay out of their reach.

public typealias APITokenRecord = AcubackStore.APITokenRecord
public typealias AppointmentRecord = AcubackStore.AppointmentRecord
public typealias AssessmentRecord = AcubackStore.AssessmentRecord
public typealias AuditEntry = AcubackStore.AuditEntry
public typealias CertificateRecord = AcubackStore.CertificateRecord
public typealias ClinicRecord = AcubackStore.ClinicRecord
public typealias CheckInRecord = AcubackStore.CheckInRecord
public typealias ConsentRecord = AcubackStore.ConsentRecord
public typealias ConsentTextRecord = AcubackStore.ConsentTextRecord
public typealias ConsultationRecord = AcubackStore.ConsultationRecord
public typealias CourseProgress = AcubackStore.CourseProgress
public typealias CourseRecord = AcubackStore.CourseRecord
public typealias CourseReviewRecord = AcubackStore.CourseReviewRecord
public typealias IncidentRecord = AcubackStore.IncidentRecord
public typealias MeasureRecord = AcubackStore.MeasureRecord
public typealias PackageRecord = AcubackStore.PackageRecord
public typealias PaymentRecord = AcubackStore.PaymentRecord
public typealias MigrationStatus = AcubackStore.MigrationStatus
public typealias NewAppointment = AcubackStore.NewAppointment
public typealias NewMeasure = AcubackStore.NewMeasure
public typealias OutboxMessage = AcubackStore.OutboxMessage
public typealias PatientRecord = AcubackStore.PatientRecord
public typealias PossibleDuplicatePatient = AcubackStore.PossibleDuplicatePatient
public typealias PractitionerRecord = AcubackStore.PractitionerRecord
public typealias RedFlagDecisionRecord = AcubackStore.RedFlagDecisionRecord
public typealias RedFlagHistory = AcubackStore.RedFlagHistory
public typealias RoomRecord = AcubackStore.RoomRecord
public typealias SavedPlan = AcubackStore.SavedPlan
public typealias SessionNoteRecord = AcubackStore.SessionNoteRecord
public typealias SessionRecord = AcubackStore.SessionRecord
public typealias SlotTaken = AcubackStore.SlotTaken
public typealias StoreError = AcubackStore.StoreError
public typealias TreatmentSessionError = AcubackStore.TreatmentSessionError
public typealias TreatmentSessionRecord = AcubackStore.TreatmentSessionRecord
public typealias UserRecord = AcubackStore.UserRecord
public typealias OutboxDraft = AcubackStore.OutboxDraft

// Pure helpers with no storage behind them.
public typealias DatabaseLocation = AcubackStore.DatabaseLocation
public typealias SecureToken = AcubackStore.SecureToken
public typealias WaitlistEntryRecord = AcubackStore.WaitlistEntryRecord
public typealias WaitlistOfferRecord = AcubackStore.WaitlistOfferRecord
