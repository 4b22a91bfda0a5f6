import AcubackCore
import AcubackStore
import Foundation

extension AccountService {
    /// The roles the admin gives staff; patients register themselves or are added at the desk.
    public static let staffRoles: [Role] = [.practitioner, .reception, .admin]

    /// A staff member as the admin types them.
    public struct NewStaff: Sendable {
        public var email, name, role, profession, practisingSince: String

        public init(email: String, name: String, role: String, profession: String = "", practisingSince: String = "") {
            self.email = email
            self.name = name
            self.role = role
            self.profession = profession
            self.practisingSince = practisingSince
        }
    }

    /// Makes a staff account in the admin's clinic and mails the link that sets its password. A
    /// practitioner's account comes with the practitioner record that is certified, booked and treats.
    public func createStaff(_ input: NewStaff, by actor: Actor, from address: String?) async throws -> UserRecord {
        try AccessPolicy.require(actor, .manageUsers, .clinic(actor.clinicID))
        guard let role = Role(rawValue: input.role), Self.staffRoles.contains(role) else {
            throw ValidationError(field: "role", rule: "must be one of practitioner, reception, admin")
        }
        let user = try await store.createUser(
            clinicID: actor.clinicID, email: input.email, displayName: input.name, role: role, passwordHash: nil,
            audit: services.entry(.userCreate, by: actor, clinicID: actor.clinicID, recordType: .user, from: address), at: services.now())
        if role == .practitioner {
            let zone = try await services.clinic.settings(clinicID: actor.clinicID).zone
            _ = try await services.practitioners.create(
                .init(
                    name: user.displayName, profession: input.profession.isEmpty ? "Acupuncturist" : input.profession,
                    practisingSince: Int(input.practisingSince) ?? CalendarDay(services.now(), in: zone).year, userID: user.id),
                by: actor, from: address)
        }
        try await invite(user, by: actor)
        return user
    }

    /// The first admin of a database, from the command line: joins the named clinic, or makes it
    /// (or "My clinic" in an empty database). Answers the user and whether the clinic already existed.
    public func createAdmin(
        email: String, name: String, password: String, clinicName: String?, timeZone: String
    ) async throws -> (user: UserRecord, clinic: ClinicRecord, joined: Bool) {
        try PasswordRule.check(password, email: email, field: "password")
        let clinics = try await store.clinics()
        let clinic: ClinicRecord
        var joined = false
        if let clinicName {
            if let named = clinics.first(where: { $0.name == clinicName || $0.slug == Slug.make(clinicName) }) {
                (clinic, joined) = (named, true)
            } else {
                clinic = try await store.createClinic(name: clinicName, slug: Slug.make(clinicName), timeZone: timeZone)
            }
        } else if clinics.isEmpty {
            clinic = try await store.createClinic(name: "My clinic", slug: Slug.make("My clinic"), timeZone: timeZone)
        } else if clinics.count == 1 {
            (clinic, joined) = (clinics[0], true)
        } else {
            throw ValidationError(
                field: "clinic-name",
                rule: "this database holds several clinics (\(clinics.map(\.name).joined(separator: ", "))): name the admin's clinic")
        }
        let user = try await store.createUser(
            clinicID: clinic.id, email: email, displayName: name, role: .admin, passwordHash: PasswordHasher.hash(password),
            audit: services.commandLineEntry(.userCreate, clinicID: clinic.id, recordType: .user), at: services.now())
        return (user, clinic, joined)
    }

    /// Disables or enables a user of the admin's clinic; an admin cannot disable themselves.
    public func setDisabled(_ disabled: Bool, userID: UUID, by actor: Actor, from address: String?) async throws {
        try AccessPolicy.require(actor, .manageUsers, .clinic(actor.clinicID))
        guard let user = try await store.user(id: userID), user.clinicID == actor.clinicID else { throw NotFound(detail: "No such user") }
        guard user.id != actor.userID else { throw ValidationError(field: "user", rule: "you cannot disable your own account") }
        try await setDisabled(disabled, user, audit: services.entry(disabledAction(disabled), by: actor, clinicID: user.clinicID, recordType: .user, from: address))
    }

    /// Disables or enables any user by address, from the command line.
    public func setDisabled(_ disabled: Bool, email: String) async throws -> UserRecord? {
        guard let user = try await store.user(email: email) else { return nil }
        try await setDisabled(disabled, user, audit: services.commandLineEntry(disabledAction(disabled), clinicID: user.clinicID, recordType: .user))
        return user
    }

    private func disabledAction(_ disabled: Bool) -> AuditAction { disabled ? .userDisable : .userEnable }

    /// A disabled account keeps its data and history but can no longer sign in.
    private func setDisabled(_ disabled: Bool, _ user: UserRecord, audit: AuditEntry) async throws {
        try await store.setDisabled(userID: user.id, at: disabled ? services.now() : nil, audit: audit, now: services.now())
    }

    /// A page of the users of the admin's clinic.
    public func users(limit: Int, offset: Int, by actor: Actor) async throws -> (items: [UserRecord], total: Int) {
        try AccessPolicy.require(actor, .manageUsers, .clinic(actor.clinicID))
        return try await store.users(clinicID: actor.clinicID, limit: limit, offset: offset)
    }

    /// A page of the users of every clinic, for the command line.
    public func allUsers(limit: Int, offset: Int) async throws -> (items: [UserRecord], total: Int) {
        try await store.users(clinicID: nil, limit: limit, offset: offset)
    }

    /// A new staff member sets their own password through a link that lasts three days.
    private func invite(_ user: UserRecord, by admin: Actor) async throws {
        let token = SecureToken.make()
        let link = "\(services.publicURL)/password/reset?token=\(token)"
        try await store.createPasswordReset(
            userID: user.id, tokenHash: SecureToken.hash(token), now: services.now(), lifetime: AccountStore.invitationLifetime,
            message: OutboxDraft(
                kind: "invitation", recipient: user.email, subject: "Your Acuback account",
                body: """
                    Hello \(user.displayName),

                    \(admin.displayName) has made you an Acuback account (\(user.role.rawValue)). Choose your password within three days here:

                    \(link)
                    """))
    }
}
