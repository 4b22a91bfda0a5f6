import AcubackCore
import AcubackStore
import Foundation
import Logging

/// The one service container: built once per application over an open database, it hands out a
/// service per capability. Its stores are internal to this library, so pages, API handlers and
/// commands reach the data only through the use cases.
public struct AppServices: Sendable {
    let database: AcubackDatabase
    let accountStore: AccountStore
    let patientStore: PatientStore
    let auditTrail: AuditTrail
    let outboxStore: OutboxStore
    let clinicStore: ClinicStore
    let bookingStore: BookingStore
    let sessionStore: TreatmentSessionStore
    let sessionNoteStore: SessionNoteStore
    let consultationStore: ConsultationStore
    let consentStore: ConsentStore
    let outcomeStore: OutcomeStore
    let incidentStore: IncidentStore
    let calendarFeedStore: CalendarFeedStore
    let messagingStore: MessagingStore
    let waitlistStore: WaitlistStore
    public let publicAddress: PublicAddress
    public var publicURL: String { publicAddress.url }
    public var now: @Sendable () -> Date = { Date() }

    public init(database: AcubackDatabase, publicAddress: PublicAddress) {
        self.database = database
        self.accountStore = AccountStore(database)
        self.patientStore = PatientStore(database)
        self.auditTrail = AuditTrail(database)
        self.outboxStore = OutboxStore(database)
        self.clinicStore = ClinicStore(database)
        self.bookingStore = BookingStore(database)
        self.sessionStore = TreatmentSessionStore(database)
        self.sessionNoteStore = SessionNoteStore(database)
        self.consultationStore = ConsultationStore(database)
        self.consentStore = ConsentStore(database)
        self.outcomeStore = OutcomeStore(database)
        self.incidentStore = IncidentStore(database)
        self.calendarFeedStore = CalendarFeedStore(database)
        self.messagingStore = MessagingStore(database)
        self.waitlistStore = WaitlistStore(database)
        self.publicAddress = publicAddress
    }

    /// The audit event of a change, to be stored in the change's own transaction.
    func entry(
        _ action: AuditAction, by actor: Actor?, clinicID: UUID, patientID: UUID? = nil, recordType: AuditRecordType,
        recordID: String? = nil, from address: String?
    ) -> AuditEntry {
        AuditEntry(
            clinicID: clinicID, actorUserID: actor?.userID, actorRole: actor?.role.rawValue ?? "anonymous", action: action.rawValue,
            patientID: patientID, recordType: recordType.rawValue, recordID: recordID, clientAddress: address)
    }

    /// The audit event of work done on the server's own command line, where no user is signed in.
    func commandLineEntry(
        _ action: AuditAction, clinicID: UUID, patientID: UUID? = nil, recordType: AuditRecordType, recordID: String? = nil
    ) -> AuditEntry {
        var entry = entry(action, by: nil, clinicID: clinicID, patientID: patientID, recordType: recordType, recordID: recordID, from: "cli")
        entry.actorRole = "command-line"
        return entry
    }

    /// Records a read made on the command line (an export).
    func recordCommandLine(
        _ action: AuditAction, clinicID: UUID, patientID: UUID? = nil, recordType: AuditRecordType, recordID: String? = nil
    ) async throws {
        try await auditTrail.append(
            commandLineEntry(action, clinicID: clinicID, patientID: patientID, recordType: recordType, recordID: recordID), at: now())
    }

    /// Records who read a patient's data, once per use case.
    func record(
        _ action: AuditAction, by actor: Actor?, clinicID: UUID, patientID: UUID? = nil, recordType: AuditRecordType,
        recordID: String? = nil, from address: String?
    ) async throws {
        try await auditTrail.append(
            entry(action, by: actor, clinicID: clinicID, patientID: patientID, recordType: recordType, recordID: recordID, from: address),
            at: now())
    }
}

extension AppServices {
    public var patients: PatientService { PatientService(services: self) }
    public var accounts: AccountService { AccountService(services: self) }
    public var bookings: BookingService { BookingService(services: self) }
    public var sessions: TreatmentSessionService { TreatmentSessionService(services: self) }
    public var auditSearch: AuditService { AuditService(services: self) }
    public var messaging: MessagingService { MessagingService(services: self) }
    public var waitlist: WaitlistService { WaitlistService(services: self) }

    /// Where the database is, for the log line when the server starts.
    public var databaseLocation: String { "\(database.location)" }

    /// Answers "can this instance serve?".
    public var readiness: ReadinessCheck { ReadinessCheck(store: database) }

    /// The background service that sends queued messages through `sender`.
    public func outboxDispatcher(sender: any MessageSender, logger: Logger) -> OutboxDispatcher {
        OutboxDispatcher(outbox: outboxStore, sender: sender, logger: logger)
    }

    /// The background service that passes expired waitlist offers to the next patient.
    public func waitlistAdvancer(logger: Logger) -> WaitlistAdvancer {
        WaitlistAdvancer(waitlist: waitlist, logger: logger)
    }
}
