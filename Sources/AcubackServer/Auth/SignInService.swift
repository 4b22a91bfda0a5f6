import AcubackCore
import AcubackStore
import Foundation

/// Password sign-in with the throttle: the same answer and roughly the same time whether the
/// account exists or not, so a failed attempt tells an attacker nothing.
struct SignInService: Sendable {
    let services: AppServices
    var throttle = SignInThrottle()

    enum Outcome: Sendable {
        case signedIn(UserRecord, cookieToken: String, SessionRecord)
        case refused
        case throttled(retryAfter: Int)
    }

    /// A bcrypt hash to check against when the account does not exist, so that case costs the same time.
    static let decoyHash = PasswordHasher.hash("acuback-decoy-password")

    func signIn(email: String, password: String, address: String) async throws -> Outcome {
        let now = services.now()
        // Counted first, as a failure until the password proves right: parallel guesses see each other.
        let attempt = try await services.accounts.recordSignInAttempt(account: email, address: address, succeeded: false, at: now)
        let failures = try await services.accounts.recentFailures(
            account: email, address: address, since: now.addingTimeInterval(-throttle.window), excluding: attempt)
        if case .throttled(let retryAfter) = throttle.verdict(accountFailures: failures.account, addressFailures: failures.address, now: now) {
            try await services.accounts.forgetSignInAttempt(attempt)
            return .throttled(retryAfter: retryAfter)
        }
        let user = try await services.accounts.user(email: email)
        let hash = user?.passwordHash ?? Self.decoyHash
        let matches = try await PasswordHasher.verifyOffTheEventLoop(password, hash: hash)
        guard let user, matches, user.passwordHash != nil, !user.isDisabled else { return .refused }
        try await services.accounts.markSignInSucceeded(attempt)
        let token = SecureToken.make()
        let session = try await services.accounts.createSession(
            userID: user.id, tokenHash: SecureToken.hash(token), csrfToken: SecureToken.make(), now: now)
        try await services.record(
            "session.signIn", by: try await services.accounts.actor(for: user), clinicID: user.clinicID,
            recordType: "user", recordID: user.id.uuidString, from: address)
        return .signedIn(user, cookieToken: token, session)
    }

    /// Starts a password reset when the account exists; says nothing either way.
    func requestReset(email: String) async throws {
        guard let user = try await services.accounts.user(email: email), !user.isDisabled else { return }
        let token = SecureToken.make()
        let link = "\(services.publicURL)/password/reset?token=\(token)"
        let minutes = Int(AccountStore.resetLifetime / 60)
        let message = OutboxDraft(
            kind: "password-reset", recipient: user.email, subject: "Reset your Acuback password",
            body: """
                Hello \(user.displayName),

                Someone asked to reset the password of your Acuback account. To choose a new password, open this link within \(minutes) minutes:

                \(link)

                If it was not you, ignore this message; your password stays as it is.
                """)
        try await services.accounts.createPasswordReset(
            userID: user.id, tokenHash: SecureToken.hash(token), now: services.now(), message: message)
    }
}
