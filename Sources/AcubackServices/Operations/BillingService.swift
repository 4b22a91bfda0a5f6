import AcubackCore
import AcubackStore
import Foundation

/// How a clinic bills, and the superbills derived from its closed sessions.
public struct BillingService: Sendable {
    public let services: AppServices

    public init(services: AppServices) { self.services = services }

    var store: BillingStore { BillingStore(services.database) }

    // MARK: Settings

    public func settings(by actor: Actor) async throws -> BillingSettings {
        try AccessPolicy.require(actor, .manageBilling, .clinic(actor.clinicID))
        return try await store.settings(clinicID: actor.clinicID)
    }

    public func saveSettings(_ settings: BillingSettings, by actor: Actor, from address: String?) async throws {
        try AccessPolicy.require(actor, .manageBilling, .clinic(actor.clinicID))
        // Amounts are kept without conversion, so the currency is fixed once money is on record.
        let current = try await store.settings(clinicID: actor.clinicID)
        if settings.currency != current.currency, try await payments.hasMoney(clinicID: actor.clinicID) {
            throw ValidationError(field: "currency", rule: "cannot change from \(current.currency) once payments or packages are recorded")
        }
        try await store.saveSettings(
            settings, clinicID: actor.clinicID,
            audit: services.entry(.billingSettings, by: actor, clinicID: actor.clinicID, recordType: .billing, from: address), at: services.now())
    }

    /// The clinic's practitioners with their billing identities (empty where none is kept yet).
    public func providers(by actor: Actor) async throws -> [(PractitionerRecord, ProviderIdentity)] {
        try AccessPolicy.require(actor, .manageBilling, .clinic(actor.clinicID))
        let kept = Dictionary(uniqueKeysWithValues: try await store.providers(clinicID: actor.clinicID).map { ($0.practitionerID, $0) })
        return try await services.clinicStore.practitioners(clinicID: actor.clinicID).map { practitioner in
            let provider = kept[practitioner.id]
            return (practitioner, ProviderIdentity(npi: provider?.npi ?? "", credentials: provider?.credentials ?? ""))
        }
    }

    public func saveProvider(_ identity: ProviderIdentity, for practitionerID: UUID, by actor: Actor, from address: String?) async throws {
        try AccessPolicy.require(actor, .manageBilling, .clinic(actor.clinicID))
        guard let practitioner = try await services.clinicStore.practitioner(id: practitionerID), practitioner.clinicID == actor.clinicID else {
            throw NotFound(detail: "No such practitioner")
        }
        try identity.validate()
        try await store.saveProvider(
            BillingProvider(practitionerID: practitioner.id, npi: identity.npi, credentials: identity.credentials), clinicID: actor.clinicID,
            audit: services.entry(
                .billingSettings, by: actor, clinicID: actor.clinicID, recordType: .practitioner, recordID: practitioner.id.uuidString,
                from: address),
            at: services.now())
    }

    // MARK: Superbills

    /// The superbill of a closed session: codes from its contact time and the patient's assessment,
    /// charges from the clinic's fees. A session still open has no superbill yet.
    public func superbill(sessionID: UUID, by actor: Actor, from address: String?) async throws -> Superbill {
        guard let session = try await services.sessionStore.session(id: sessionID) else { throw NotFound(detail: "No such session") }
        try AccessPolicy.require(actor, .readBilling, .patient(clinicID: session.clinicID, patientID: session.patientID))
        guard let closedAt = session.closedAt else {
            throw RuleRefusal(field: "session", rule: "is still open: a superbill is made once the session is closed")
        }
        let settings = try await store.settings(clinicID: session.clinicID)
        let facts = try await facts(of: session, closedAt: closedAt)
        try await services.record(
            .superbillRead, by: actor, clinicID: session.clinicID, patientID: session.patientID, recordType: .superbill,
            recordID: session.id.uuidString, from: address)
        var bill = Superbill(facts, settings: settings)
        // What was paid for this session: payments made for it, or all of it when a package paid.
        let (payments, packages) = try await payments.account(patientID: session.patientID)
        if packages.contains(where: { $0.drawnSessions.contains(session.id) }) {
            bill.paid = bill.total
        } else {
            bill.paid = Money(payments.filter { $0.sessionID == session.id }.reduce(0) { $0 + $1.amount.minorUnits }, settings.currency)
        }
        return bill
    }

    /// Gathers what the superbill is made from: patient, provider, clinic, the day's other sessions
    /// (only one initial code a day) and the assessment in force when the session started.
    func facts(of session: TreatmentSessionRecord, closedAt: Date) async throws -> SuperbillFacts {
        guard let patient = try await services.patientStore.patient(id: session.patientID) else { throw NotFound(detail: "No such patient") }
        let clinic = try await services.clinicStore.settings(clinicID: session.clinicID)
        let practitioner = try await services.clinicStore.practitioner(id: session.practitionerID)
        let provider = try await store.provider(practitionerID: session.practitionerID)
        let day = CalendarDay(session.startedAt, in: clinic.zone)
        let billed = try await billedSessions(clinicID: session.clinicID, patientID: session.patientID, zone: clinic.zone)
        let assessments = try await services.patientStore.clinical(patientID: session.patientID)?.assessments ?? []
        let assessment = assessments.first { $0.recordedAt <= session.startedAt } ?? assessments.last
        return SuperbillFacts(
            sessionID: session.id.uuidString, patientID: patient.id.uuidString, patientName: patient.name, patientBirthDate: patient.birthDate,
            providerName: practitioner?.name ?? session.practitionerName,
            providerCredentials: provider.map(\.credentials).flatMap { $0.isEmpty ? nil : $0 } ?? practitioner?.profession ?? "",
            providerNPI: provider?.npi ?? "", clinic: clinic.contact, serviceDate: day,
            contact: ContactTime(session.chair.ledger, closedAt: closedAt), initialBilledEarlierToday: PatientAccount.initialBilledEarlier(billed).contains(session.id),
            diagnoses: assessment.map { DiagnosisCoding.codes(for: $0.assessment) } ?? [], paid: 0)
    }
}

extension BillingService {
    /// A patient's closed sessions as billing sees them: the clinic day each started on and its contact time.
    func billedSessions(clinicID: UUID, patientID: UUID, zone: TimeZone) async throws -> [BilledSession] {
        try await services.sessionStore.sessions(clinicID: clinicID, patientID: patientID, limit: 10_000).compactMap { session in
            session.closedAt.map {
                BilledSession(
                    id: session.id, day: CalendarDay(session.startedAt, in: zone), closedAt: $0, contact: ContactTime(session.chair.ledger, closedAt: $0))
            }
        }
    }
}

extension AppServices {
    public var billing: BillingService { BillingService(services: self) }
}
