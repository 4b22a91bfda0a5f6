import AcubackCore
import AcubackStore
import Foundation

/// Password sign-in with the throttle: the same answer and roughly the same time whether the
/// account exists or not, so a failed attempt tells an attacker nothing.
public struct SignInService: Sendable {
    public let services: AppServices

    public init(services: AppServices) { self.services = services }
    public var throttle = SignInThrottle()

    public enum Outcome: Sendable {
        case signedIn(UserRecord, cookieToken: String, SessionRecord)
        case refused
        case throttled(retryAfter: Int)
    }

    /// A bcrypt hash to check against when the account does not exist, so that case costs the same time.
    public static let decoyHash = PasswordHasher.hash("acuback-decoy-password")

    public func signIn(email: String, password: String, address: String) async throws -> Outcome {
        let now = services.now()
        let (attempt, retryAfter) = try await countAttempt(account: email, address: address, now: now)
        if let retryAfter { return .throttled(retryAfter: retryAfter) }
        let user = try await services.accountStore.user(email: email)
        let hash = user?.passwordHash ?? Self.decoyHash
        let matches = try await PasswordHasher.verifyOffTheEventLoop(password, hash: hash)
        guard let user, matches, user.passwordHash != nil, !user.isDisabled else { return .refused }
        try await services.accountStore.markSignInSucceeded(attempt)
        let token = SecureToken.make()
        let session = try await services.accountStore.createSession(
            userID: user.id, tokenHash: SecureToken.hash(token), csrfToken: SecureToken.make(), now: now,
            audit: services.entry(
                .sessionSignIn, by: try await services.accountStore.actor(for: user), clinicID: user.clinicID, recordType: .user, from: address))
        return .signedIn(user, cookieToken: token, session)
    }

    /// Records an attempt, counted as a failure until it proves right so that parallel attempts see
    /// each other, and asks the throttle; a refused attempt is forgotten again.
    private func countAttempt(account: String, address: String, now: Date) async throws -> (attempt: UUID, retryAfter: Int?) {
        let attempt = try await services.accountStore.recordSignInAttempt(account: account, address: address, succeeded: false, at: now)
        let recent = try await services.accountStore.recentFailures(
            account: account, address: address, since: now.addingTimeInterval(-throttle.window), excluding: attempt)
        guard case .throttled(let retryAfter) = throttle.verdict(accountFailures: recent.account, addressFailures: recent.address, now: now) else {
            return (attempt, nil)
        }
        try await services.accountStore.forgetSignInAttempt(attempt)
        return (attempt, retryAfter)
    }

    public enum ResetRequest: Sendable {
        case sent
        case throttled(retryAfter: Int)
    }

    /// Sends a reset link when the account exists and a note saying there is none otherwise: the
    /// same answer and the same work (one lookup, one token, one message queued) either way, and
    /// at most a few requests per address and per account in the throttle's window.
    public func requestReset(email: String, address: String) async throws -> ResetRequest {
        let now = services.now()
        // Counted apart from sign-ins (their own account and address keys), in the same shared table.
        let counted = try await countAttempt(account: "password-reset " + EmailRule.normalized(email), address: "password-reset " + address, now: now)
        if let retryAfter = counted.retryAfter { return .throttled(retryAfter: retryAfter) }
        let user = try await services.accountStore.user(email: email)
        let token = SecureToken.make()
        let tokenHash = SecureToken.hash(token)
        if let user, !user.isDisabled {
            try await services.accountStore.createPasswordReset(userID: user.id, tokenHash: tokenHash, now: now, message: resetMessage(to: user, token: token))
        } else if (try? EmailRule.check(email)) != nil {
            try await services.outboxStore.enqueue(noAccountMessage(to: EmailRule.normalized(email), disabled: user != nil), now: now)
        }
        return .sent
    }

    public func resetMessage(to user: UserRecord, token: String) -> OutboxDraft {
        let minutes = Int(AccountStore.resetLifetime / 60)
        return OutboxDraft(
            kind: "password-reset", recipient: user.email, subject: "Reset your Acuback password",
            body: """
                Hello \(user.displayName),

                Someone asked to reset the password of your Acuback account. To choose a new password, open this link within \(minutes) minutes:

                \(services.publicURL)/password/reset?token=\(token)

                Only this newest link works. If it was not you, ignore this message; your password stays as it is.
                """)
    }

    public func noAccountMessage(to email: String, disabled: Bool) -> OutboxDraft {
        OutboxDraft(
            kind: "password-reset", recipient: email, subject: "Your Acuback password reset",
            body: disabled
                ? """
                    Someone asked to reset the password of the Acuback account for this address. The account is disabled, so no link was sent; ask the clinic to enable it.
                    """
                : """
                    Someone asked to reset the password of an Acuback account for this address, but there is no account for it. If it was you, you may have signed up with another address, or you can register at \(services.publicURL)/register.

                    If it was not you, ignore this message.
                    """)
    }

    /// Told to the owner of an address someone tried to register again, instead of telling the visitor.
    public func alreadyRegisteredMessage(to user: UserRecord) -> OutboxDraft {
        OutboxDraft(
            kind: "registration", recipient: user.email, subject: "Someone tried to register with your address",
            body: """
                Hello \(user.displayName),

                Someone tried to register at Acuback with this address, which already has an account. If it was you, sign in at \(services.publicURL)/login, or choose a new password at \(services.publicURL)/password/forgot.

                If it was not you, ignore this message; nothing was changed.
                """)
    }

    public func welcomeMessage(to user: UserRecord, clinic: String) -> OutboxDraft {
        OutboxDraft(
            kind: "registration", recipient: user.email, subject: "Your account at \(clinic)",
            body: """
                Hello \(user.displayName),

                Your account at \(clinic) is ready. Sign in at \(services.publicURL)/login with this address and the password you chose, to book a first consultation and see your records.
                """)
    }
}
