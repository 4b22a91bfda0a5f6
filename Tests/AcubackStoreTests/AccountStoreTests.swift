import AcubackCore
import FluentKit
import Foundation
import Testing

@testable import AcubackStore
import AcubackTestSupport

@Suite struct AccountStoreTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func clinic(_ accounts: AccountStore) async throws -> ClinicRecord {
        try await accounts.createClinic(name: "Test clinic", slug: "test-\(UUID().uuidString.prefix(6))", timeZone: "Europe/London")
    }

    @Test(arguments: TestBackend.available)
    func anEmailIsRegisteredOnceWhateverItsCase(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let accounts = AccountStore(store)
            let clinic = try await clinic(accounts)
            _ = try await accounts.createUser(clinicID: clinic.id, email: "Ann@Example.org", displayName: "Ann", role: .admin, passwordHash: "h")
            await #expect {
                _ = try await accounts.createUser(clinicID: clinic.id, email: "ann@example.ORG", displayName: "Ann 2", role: .reception, passwordHash: "h")
            } throws: { error in
                (error as? ValidationError)?.errors.first?.field == "email"
            }
            #expect(try await accounts.users(clinicID: clinic.id).total == 1)
            #expect(try await accounts.user(email: "ANN@example.org")?.displayName == "Ann")
        }
    }

    @Test(arguments: TestBackend.available)
    func registeringAPatientMakesTheUserAndThePatientTogether(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let accounts = AccountStore(store)
            let clinic = try await clinic(accounts)
            let user = try await accounts.registerPatient(
                clinicID: clinic.id, email: "pat@example.org", givenName: "Pat", familyName: "Lee",
                birthDate: CalendarDay("1980-05-05")!, passwordHash: "h")
            let actor = try await accounts.actor(for: user)
            #expect(actor.role == .patient)
            let patientID = try #require(actor.patientID)
            #expect(try await PatientStore(store).patient(id: patientID)?.name == "Pat Lee")
            // Signed in, the session's one read finds the same patient record behind the account.
            _ = try await accounts.createSession(userID: user.id, tokenHash: "pat-session", csrfToken: "c", now: now)
            #expect(try await accounts.session(tokenHash: "pat-session", now: now)?.2 == actor)
            await #expect(throws: ValidationError.self) {
                _ = try await accounts.registerPatient(
                    clinicID: clinic.id, email: "pat@example.org", givenName: "Pat", familyName: "Again",
                    birthDate: CalendarDay("1980-05-05")!, passwordHash: "h")
            }
            #expect(try await PatientStore(store).patients(clinicID: clinic.id).total == 1, "nothing half-stored")
        }
    }

    @Test(arguments: TestBackend.available)
    func sessionsEndWhenTheyExpireOrTheUserIsDisabled(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let accounts = AccountStore(store)
            let clinic = try await clinic(accounts)
            let user = try await accounts.createUser(clinicID: clinic.id, email: "s@example.org", displayName: "S", role: .reception, passwordHash: "h")
            _ = try await accounts.createSession(userID: user.id, tokenHash: "hash-1", csrfToken: "c", now: now)
            #expect(try await accounts.session(tokenHash: "hash-1", now: now.addingTimeInterval(3600))?.1.id == user.id)
            #expect(try await accounts.session(tokenHash: "hash-1", now: now.addingTimeInterval(AccountStore.sessionLifetime + 1)) == nil)
            #expect(try await accounts.session(tokenHash: "unknown", now: now) == nil)
            try await accounts.setDisabled(userID: user.id, at: now)
            #expect(try await accounts.session(tokenHash: "hash-1", now: now) == nil)
        }
    }

    @Test(arguments: TestBackend.available)
    func apiTokensWorkUntilRevokedAndOnlyTheOwnerRevokes(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let accounts = AccountStore(store)
            let clinic = try await clinic(accounts)
            let owner = try await accounts.createUser(clinicID: clinic.id, email: "o@example.org", displayName: "O", role: .practitioner, passwordHash: "h")
            let other = try await accounts.createUser(clinicID: clinic.id, email: "x@example.org", displayName: "X", role: .admin, passwordHash: "h")
            let token = try await accounts.createAPIToken(userID: owner.id, name: "script", tokenHash: "t-hash", prefix: "acb_abc", now: now)
            #expect(try await accounts.apiToken(tokenHash: "t-hash", now: now)?.1.id == owner.id)
            let practitioner = try await ClinicStore(store).createPractitioner(
                clinicID: clinic.id, userID: owner.id, name: "O", profession: "Acupuncturist", practisingSince: 2010)
            let caller = try #require(try await accounts.apiToken(tokenHash: "t-hash", now: now.addingTimeInterval(120)))
            #expect(caller.2 == Actor(userID: owner.id, role: .practitioner, clinicID: clinic.id, practitionerID: practitioner.id, displayName: "O"))
            #expect(caller.0.lastUsedAt == now, "the use a minute before was recorded")
            #expect(try await accounts.revokeAPIToken(id: token.id, userID: other.id, now: now) == false)
            #expect(try await accounts.apiToken(tokenHash: "t-hash", now: now) != nil)
            #expect(try await accounts.revokeAPIToken(id: token.id, userID: owner.id, now: now))
            #expect(try await accounts.apiToken(tokenHash: "t-hash", now: now) == nil)
            #expect(try await accounts.apiTokens(userID: owner.id).first?.revokedAt != nil)
        }
    }

    @Test(arguments: TestBackend.available)
    func aResetTokenWorksOnceBeforeItExpires(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let accounts = AccountStore(store)
            let clinic = try await clinic(accounts)
            let user = try await accounts.createUser(clinicID: clinic.id, email: "r@example.org", displayName: "R", role: .admin, passwordHash: "old")
            _ = try await accounts.createSession(userID: user.id, tokenHash: "session", csrfToken: "c", now: now)
            let draft = OutboxDraft(kind: "password-reset", recipient: user.email, subject: "Reset", body: "link")
            try await accounts.createPasswordReset(userID: user.id, tokenHash: "reset-1", now: now, message: draft)
            try await accounts.createPasswordReset(userID: user.id, tokenHash: "reset-2", now: now, message: draft)
            #expect(try await OutboxStore(store).messages(to: user.email).count == 2)
            #expect(try await accounts.completePasswordReset(tokenHash: "reset-1", newPasswordHash: "older", now: now.addingTimeInterval(30)) == nil,
                    "a newer link retires the older one")
            _ = try await accounts.createAPIToken(userID: user.id, name: "script", tokenHash: "api", prefix: "acb_r", now: now)

            #expect(try await accounts.completePasswordReset(tokenHash: "reset-2", newPasswordHash: "new", now: now.addingTimeInterval(60))?.id == user.id)
            #expect(try await accounts.user(id: user.id)?.passwordHash == "new")
            #expect(try await accounts.session(tokenHash: "session", now: now) == nil, "signed out everywhere")
            #expect(try await accounts.apiToken(tokenHash: "api", now: now) == nil, "API tokens revoked")
            #expect(try await accounts.completePasswordReset(tokenHash: "reset-2", newPasswordHash: "again", now: now.addingTimeInterval(120)) == nil, "used")
            try await accounts.createPasswordReset(userID: user.id, tokenHash: "reset-3", now: now, message: draft)
            #expect(try await accounts.completePasswordReset(tokenHash: "reset-3", newPasswordHash: "late", now: now.addingTimeInterval(AccountStore.resetLifetime + 1)) == nil, "expired")
            #expect(try await accounts.user(id: user.id)?.passwordHash == "new")
        }
    }

    @Test(arguments: TestBackend.available)
    func enablingAUserAgainBringsBackNoTokenSessionOrResetLink(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let accounts = AccountStore(store)
            let clinic = try await clinic(accounts)
            let user = try await accounts.createUser(clinicID: clinic.id, email: "d@example.org", displayName: "D", role: .reception, passwordHash: "h")
            _ = try await accounts.createSession(userID: user.id, tokenHash: "session", csrfToken: "c", now: now)
            _ = try await accounts.createAPIToken(userID: user.id, name: "script", tokenHash: "api", prefix: "acb_d", now: now)
            try await accounts.createPasswordReset(
                userID: user.id, tokenHash: "reset", now: now, message: OutboxDraft(kind: "password-reset", recipient: user.email, subject: "R", body: "link"))
            try await accounts.setDisabled(userID: user.id, at: now)
            try await accounts.setDisabled(userID: user.id, at: nil)
            #expect(try await accounts.user(id: user.id)?.isDisabled == false)
            #expect(try await accounts.session(tokenHash: "session", now: now) == nil)
            #expect(try await accounts.apiToken(tokenHash: "api", now: now) == nil)
            #expect(try await accounts.passwordResetIsValid(tokenHash: "reset", now: now) == false)
        }
    }

    @Test(arguments: TestBackend.available)
    func failedSignInsAreCountedPerAccountAndAddress(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { store in
            let accounts = AccountStore(store)
            for minute in 0..<3 {
                try await accounts.recordSignInAttempt(account: "Who@Example.org", address: "10.0.0.1", succeeded: false, at: now.addingTimeInterval(Double(minute) * 60))
            }
            try await accounts.recordSignInAttempt(account: "who@example.org", address: "10.0.0.2", succeeded: true, at: now)
            let failures = try await accounts.recentFailures(account: "who@example.org", address: "10.0.0.1", since: now.addingTimeInterval(30))
            #expect(failures.account.count == 2)
            #expect(failures.address.count == 2)
        }
    }
}
