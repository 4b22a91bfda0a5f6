import AcubackCore
import AcubackStore
import Foundation

/// The clinic's practitioners as the admin keeps them: added, certified, verified, given hours and
/// leave. Each use case checks access, validates, and stores the change with its audit event; the
/// admin's pages, the API and the demo all come here.
public struct PractitionerService: Sendable {
    let services: AppServices
    var store: ClinicStore { services.clinicStore }

    public init(services: AppServices) { self.services = services }

    /// The fields of a new practitioner, as typed on the admin's form or sent to the API.
    public struct NewPractitioner: Sendable {
        public var name: String
        public var profession: String
        public var biography: String
        public var practisingSince: Int
        public var hours: WeeklyHours
        public var userID: UUID?

        public init(
            name: String, profession: String, biography: String = "", practisingSince: Int, hours: WeeklyHours = .standardPractitioner,
            userID: UUID? = nil
        ) {
            self.name = name
            self.profession = profession
            self.biography = biography
            self.practisingSince = practisingSince
            self.hours = hours
            self.userID = userID
        }
    }

    /// A certificate as typed: the dates are text until checked, so a bad one is named, not dropped.
    public struct NewCertificate: Sendable {
        public var issuingBody: String
        public var number: String
        public var validFrom: String
        public var validTo: String
        public var verified: Bool

        public init(issuingBody: String, number: String, validFrom: String, validTo: String, verified: Bool) {
            self.issuingBody = issuingBody
            self.number = number
            self.validFrom = validFrom
            self.validTo = validTo
            self.verified = verified
        }
    }

    /// The practitioner, when they belong to the actor's clinic and the actor may manage it.
    public func practitioner(id: UUID, by actor: Actor) async throws -> PractitionerRecord {
        try AccessPolicy.require(actor, .manageUsers, .clinic(actor.clinicID))
        guard let practitioner = try await services.clinic.practitioner(id: id, clinicID: actor.clinicID) else {
            throw NotFound(detail: "No such practitioner")
        }
        return practitioner
    }

    public func create(_ input: NewPractitioner, by actor: Actor, from address: String?) async throws -> PractitionerRecord {
        try AccessPolicy.require(actor, .manageUsers, .clinic(actor.clinicID))
        return try await store.createPractitioner(
            clinicID: actor.clinicID, userID: input.userID, name: input.name, profession: input.profession, biography: input.biography,
            practisingSince: input.practisingSince, hours: input.hours, audit: entry(.practitionerCreate, actor, address), at: services.now())
    }

    public func addCertificate(_ input: NewCertificate, to practitionerID: UUID, by actor: Actor, from address: String?) async throws
        -> CertificateRecord
    {
        let practitioner = try await practitioner(id: practitionerID, by: actor)
        var errors = FieldErrorCollector()
        let from = CalendarDay(input.validFrom)
        let to = CalendarDay(input.validTo)
        errors.check(from != nil, "validFrom", "must be a date written YYYY-MM-DD")
        errors.check(to != nil, "validTo", "must be a date written YYYY-MM-DD")
        try errors.throwIfAny()
        let now = services.now()
        let certificate = Certificate(
            issuingBody: input.issuingBody, number: input.number, validFrom: from!, validTo: to!,
            verifiedBy: input.verified ? actor.displayName : nil, verifiedAt: input.verified ? now : nil)
        return try await store.addCertificate(
            practitionerID: practitioner.id, certificate, audit: entry(.certificateAdd, actor, address, type: .certificate), at: now)
    }

    /// Marks a certificate of the actor's clinic as checked with its issuing body.
    public func verifyCertificate(id: UUID, by actor: Actor, from address: String?) async throws -> CertificateRecord {
        try AccessPolicy.require(actor, .manageUsers, .clinic(actor.clinicID))
        let own = try await services.clinic.practitioners(clinicID: actor.clinicID).contains { $0.certificates.contains { $0.id == id } }
        guard own, let certificate = try await store.verifyCertificate(
            id: id, by: actor.displayName, at: services.now(), audit: entry(.certificateVerify, actor, address, type: .certificate))
        else { throw NotFound(detail: "No such certificate") }
        return certificate
    }

    public func setHours(_ hours: WeeklyHours, of practitionerID: UUID, by actor: Actor, from address: String?) async throws {
        let practitioner = try await practitioner(id: practitionerID, by: actor)
        try await store.setHours(
            practitionerID: practitioner.id, hours: hours, audit: entry(.practitionerHours, actor, address), at: services.now())
    }

    public func addLeave(_ leave: AvailabilityException, for practitionerID: UUID, by actor: Actor, from address: String?) async throws {
        let practitioner = try await practitioner(id: practitionerID, by: actor)
        try await store.addException(
            practitionerID: practitioner.id, leave, audit: entry(.practitionerLeave, actor, address), at: services.now())
    }

    /// Certificates of the clinic's practitioners ending within `days`, soonest first.
    public func certificatesExpiring(within days: Int, today: CalendarDay, by actor: Actor) async throws
        -> [(practitioner: PractitionerRecord, certificate: CertificateRecord)]
    {
        try AccessPolicy.require(actor, .manageUsers, .clinic(actor.clinicID))
        return try await store.certificatesExpiring(clinicID: actor.clinicID, within: days, today: today)
    }

    private func entry(_ action: AuditAction, _ actor: Actor, _ address: String?, type: AuditRecordType = .practitioner) -> AuditEntry {
        services.entry(action, by: actor, clinicID: actor.clinicID, recordType: type, from: address)
    }
}

extension AppServices {
    public var practitioners: PractitionerService { PractitionerService(services: self) }
}
