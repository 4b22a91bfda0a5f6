import AcubackCore
import AcubackStore
import Foundation

/// Accounts: who is signed in, a patient registering, staff made and invited by the admin or the
/// command line, accounts disabled and enabled, passwords reset and personal API tokens. Each use
/// case checks access, validates, and stores the change with its audit event.
public struct AccountService: Sendable {
    let services: AppServices
    var store: AccountStore { services.accountStore }

    public init(services: AppServices) { self.services = services }

    /// How long a browser session lasts, for the cookie that carries it.
    public static let sessionLifetime = AccountStore.sessionLifetime

    // MARK: - Who is asking

    /// The user behind a personal API token, or nil for an unknown, revoked or disabled one.
    public func apiCaller(token: String) async throws -> Actor? {
        try await store.apiToken(tokenHash: SecureToken.hash(token), now: services.now())?.2
    }

    /// The browser session behind a session cookie, and who it belongs to.
    public func session(token: String) async throws -> (SessionRecord, Actor)? {
        guard let (session, _, actor) = try await store.session(tokenHash: SecureToken.hash(token), now: services.now()) else { return nil }
        return (session, actor)
    }

    public func signOut(sessionToken: String) async throws {
        try await store.deleteSession(tokenHash: SecureToken.hash(sessionToken))
    }

    // MARK: - Patients registering

    /// What a person types to register as a patient.
    public struct Registration: Sendable {
        public var givenName, familyName, birthDate, email, password, confirmPassword: String

        public init(givenName: String, familyName: String, birthDate: String, email: String, password: String, confirmPassword: String) {
            self.givenName = givenName
            self.familyName = familyName
            self.birthDate = birthDate
            self.email = email
            self.password = password
            self.confirmPassword = confirmPassword
        }
    }

    /// Registers a patient with the clinic the public pages show. The answer is the same for a new
    /// address and a registered one, and both cost a password hash; the owner of a registered
    /// address is told by mail instead, so the page reveals nothing.
    public func register(_ form: Registration, from address: String?) async throws {
        guard let clinic = try await services.clinic.defaultClinic() else {
            throw ValidationError(field: "clinic", rule: "registration is not open yet: the clinic has not been set up")
        }
        var errors = FieldErrorCollector()
        let today = CalendarDay(services.now(), in: TimeZone(identifier: clinic.timeZone) ?? .gmt)
        PatientIdentityRule.check(
            givenName: form.givenName, familyName: form.familyName, birthDate: form.birthDate, today: today, into: &errors)
        errors.check(form.password == form.confirmPassword, "confirmPassword", "must match the password")
        do { try EmailRule.check(form.email) } catch { error.errors.forEach { errors.add($0.field, $0.rule) } }
        do { try PasswordRule.check(form.password, email: form.email) } catch { error.errors.forEach { errors.add($0.field, $0.rule) } }
        try errors.throwIfAny()
        let passwordHash = PasswordHasher.hash(form.password)
        let signIn = SignInService(services: services)
        if let existing = try await store.user(email: form.email) {
            try await services.outboxStore.enqueue(signIn.alreadyRegisteredMessage(to: existing), now: services.now())
            return
        }
        _ = try await store.registerPatient(
            clinicID: clinic.id, email: form.email, givenName: form.givenName, familyName: form.familyName,
            birthDate: CalendarDay(form.birthDate)!, passwordHash: passwordHash, audit: registrationEntry(clinicID: clinic.id, from: address),
            welcome: { [clinic] user in signIn.welcomeMessage(to: user, clinic: clinic.name) }, at: services.now())
    }

    /// The event of a patient registering: the patient is its actor, named by the store once they exist.
    func registrationEntry(clinicID: UUID, from address: String?) -> AuditEntry {
        var entry = services.entry(.patientRegister, by: nil, clinicID: clinicID, recordType: .patient, from: address)
        entry.actorRole = Role.patient.rawValue
        return entry
    }

    // MARK: - Password reset

    public func resetLinkIsValid(token: String) async throws -> Bool {
        try await store.passwordResetIsValid(tokenHash: SecureToken.hash(token), now: services.now())
    }

    public enum ResetOutcome: Sendable {
        case done
        /// The link is unknown, used or expired.
        case invalidLink
        case refused([FieldError])
    }

    /// Sets a new password through a reset link, once.
    public func completeReset(token: String, password: String, confirmPassword: String, from address: String?) async throws -> ResetOutcome {
        guard password == confirmPassword else { return .refused([FieldError(field: "confirmPassword", rule: "must match the password")]) }
        let tokenHash = SecureToken.hash(token)
        guard let owner = try await store.passwordResetUser(tokenHash: tokenHash, now: services.now()) else { return .invalidLink }
        do {
            try PasswordRule.check(password, email: owner.email)
        } catch {
            return .refused(error.errors)
        }
        let entry = services.entry(.userPasswordReset, by: try await store.actor(for: owner), clinicID: owner.clinicID, recordType: .user, from: address)
        guard try await store.completePasswordReset(
            tokenHash: tokenHash, newPasswordHash: PasswordHasher.hash(password), now: services.now(), audit: entry) != nil
        else { return .invalidLink }
        return .done
    }
}
