import AcubackCore
import AcubackStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AcubackServer
@testable import AcubackServices

@Suite struct AuthPagesControllerTests {
    static let csrf = "test-csrf-token"
    static var anonymous: HTTPFields { [.cookie: "\(AuthCookie.csrf)=\(csrf)", .contentType: "application/x-www-form-urlencoded"] }

    func login(_ client: some TestClientProtocol, _ email: String, _ password: String, headers: HTTPFields = anonymous) async throws -> TestResponse {
        try await client.execute(
            uri: "/login", method: .post, headers: headers,
            body: form([("_csrf", Self.csrf), ("email", email), ("password", password), ("next", "/account")])) { $0 }
    }

    static func sessionCookie(_ response: TestResponse) -> String? {
        response.headers[values: .setCookie].first { $0.hasPrefix(AuthCookie.session + "=") }
    }

    @Test func signingInSetsAnHttpOnlySessionCookieAndGoesWhereAsked() async throws {
        try await withTestWorld { client, _ in
            let response = try await login(client, "reception@demo.acuback.example", "acuback-demo")
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/account")
            let cookie = try #require(Self.sessionCookie(response))
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
            #expect(!cookie.contains("Secure"), "plain HTTP")
            let token = String(cookie.split(separator: ";")[0].dropFirst(AuthCookie.session.count + 1))
            try await client.execute(uri: "/account", method: .get, headers: [.cookie: "\(AuthCookie.session)=\(token)"]) { page in
                #expect(page.status == .ok)
                #expect(page.body.text.contains("reception@demo.acuback.example"))
            }
        }
    }

    /// An absent value renders as nothing: the form carries no "next" and no error box.
    @Test func theLoginPageWithoutNextOrErrorShowsNeither() async throws {
        try await withTestWorld { client, _ in
            try await client.execute(uri: "/login", method: .get) { page in
                #expect(!page.body.text.contains("name=\"next\""))
                #expect(!page.body.text.contains("login-error"))
                #expect(!page.body.text.contains(">nil<") && !page.body.text.contains("\"nil\""))
            }
        }
    }

    @Test func behindATLSProxyTheCookieIsSecure() async throws {
        try await withTestWorld { client, _ in
            var headers = Self.anonymous
            headers[.init("X-Forwarded-Proto")!] = "https"
            let response = try await login(client, "reception@demo.acuback.example", "acuback-demo", headers: headers)
            #expect(Self.sessionCookie(response)?.contains("Secure") == true)
        }
    }

    @Test func aWrongPasswordAndAnUnknownUserGetTheSameAnswer() async throws {
        try await withTestWorld { client, _ in
            let wrong = try await login(client, "reception@demo.acuback.example", "not the password")
            let unknown = try await login(client, "nobody@demo.acuback.example", "not the password")
            #expect(wrong.status == .unauthorized && unknown.status == .unauthorized)
            #expect(Self.sessionCookie(wrong) == nil)
            func message(_ response: TestResponse) -> String? {
                response.body.text.range(of: #"id="login-error">[^<]*"#, options: .regularExpression).map { String(response.body.text[$0]) }
            }
            #expect(message(wrong) != nil)
            #expect(message(wrong) == message(unknown))
        }
    }

    @Test func repeatedFailuresThrottleTheAccountEvenWithTheRightPassword() async throws {
        try await withTestWorld { client, _ in
            for _ in 0..<5 { _ = try await login(client, "admin@demo.acuback.example", "guess guess guess") }
            let blocked = try await login(client, "admin@demo.acuback.example", "acuback-demo")
            #expect(blocked.status == .tooManyRequests)
            #expect(Int(blocked.headers[.retryAfter] ?? "") ?? 0 > 0)
            #expect(blocked.body.text.contains("Too many failed sign-ins"))
            #expect(Self.sessionCookie(blocked) == nil)
        }
    }

    @Test func parallelGuessesAreCountedTogether() async throws {
        try await withTestWorld { client, _ in
            // Thirty wrong passwords at once for one account: at most the account's allowance is checked, the rest wait.
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<30 { group.addTask { try await login(client, "admin@demo.acuback.example", "guess guess guess").status } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .unauthorized }.count <= SignInThrottle().perAccount)
            #expect(statuses.filter { $0 == .tooManyRequests }.count >= 30 - SignInThrottle().perAccount)
        }
    }

    @Test func aFormWithoutItsCSRFTokenIsRefusedAndChangesNothing() async throws {
        try await withTestWorld { client, world in
            var headers = world.headers(.practitioner)
            headers[.contentType] = "application/x-www-form-urlencoded"
            try await client.execute(uri: "/account/tokens", method: .post, headers: headers, body: form([("name", "sneaky")])) { response in
                #expect(response.status == .forbidden)
                #expect(response.body.text.contains("This form has expired"))
            }
            try await client.execute(uri: "/account/tokens", method: .post, headers: headers, body: form([("_csrf", "forged"), ("name", "sneaky")])) { response in
                #expect(response.status == .forbidden)
            }
            let tokens = try await AccountStore(world.store).apiTokens(userID: world.sessions[.practitioner]!.actor.userID)
            #expect(tokens.isEmpty)
        }
    }

    @Test func signingOutEndsTheSession() async throws {
        try await withTestWorld { client, world in
            var headers = world.headers(.admin)
            headers[.contentType] = "application/x-www-form-urlencoded"
            try await client.execute(uri: "/logout", method: .post, headers: headers, body: form([("_csrf", world.csrf(.admin))])) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[values: .setCookie].contains { $0.hasPrefix("\(AuthCookie.session)=;") && $0.contains("Max-Age=0") })
            }
            try await client.execute(uri: "/admin/users", method: .get, headers: world.headers(.admin)) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location]?.hasPrefix("/login") == true)
            }
        }
    }

    @Test func aPatientRegistersIsToldToSignInByMailAndThenSeesTheirOwnRecord() async throws {
        try await withTestWorld { client, world in
            let fields = [
                ("_csrf", Self.csrf), ("givenName", "Nora"), ("familyName", "Quist"), ("birthDate", "1988-04-02"),
                ("email", "nora@example.org"), ("password", "a long password"), ("confirmPassword", "a long password"),
            ]
            try await client.execute(uri: "/register", method: .post, headers: Self.anonymous, body: form(fields)) { response in
                #expect(response.status == .ok)
                #expect(response.body.text.contains("id=\"registered\""))
                #expect(Self.sessionCookie(response) == nil)
            }
            let user = try #require(try await AccountStore(world.store).user(email: "nora@example.org"))
            #expect(user.role == .patient)
            let welcome = try #require(try await OutboxStore(world.store).messages(to: "nora@example.org").first)
            #expect(welcome.kind == "registration" && welcome.body.contains("/login"))
            let signedIn = try await login(client, "nora@example.org", "a long password")
            #expect(signedIn.status == .seeOther && Self.sessionCookie(signedIn) != nil)
        }
    }

    /// Registering with an address that has an account answers exactly as for a new one; the
    /// address's owner is told by mail, and nothing is stored.
    @Test func registeringATakenAddressRevealsNothingAndTellsItsOwner() async throws {
        try await withTestWorld { client, world in
            func register(_ email: String) async throws -> (HTTPResponse.Status, String) {
                let fields = [
                    ("_csrf", Self.csrf), ("givenName", "Ann"), ("familyName", "Prober"), ("birthDate", "1980-01-01"),
                    ("email", email), ("password", "a long password"), ("confirmPassword", "a long password"),
                ]
                return try await client.execute(uri: "/register", method: .post, headers: Self.anonymous, body: form(fields)) {
                    ($0.status, $0.body.text.replacingOccurrences(of: email, with: "ADDRESS"))
                }
            }
            let patients = try await PatientStore(world.store).patients(clinicID: world.clinic.id).total
            let taken = try await register("margaret.hughes@demo.acuback.example")
            let fresh = try await register("ann.prober@example.org")
            #expect(taken.0 == .ok && taken == fresh)
            #expect(try await PatientStore(world.store).patients(clinicID: world.clinic.id).total == patients + 1)
            let told = try await OutboxStore(world.store).messages(to: "margaret.hughes@demo.acuback.example").filter { $0.kind == "registration" }
            #expect(told.count == 1 && told[0].body.contains("already has an account"))
        }
    }

    @Test func badRegistrationsNameEachFieldAndStoreNothing() async throws {
        try await withTestWorld { client, world in
            let fields = [
                ("_csrf", Self.csrf), ("givenName", ""), ("familyName", "Quist"), ("birthDate", "2999-01-01"),
                ("email", "margaret.hughes@demo.acuback.example"), ("password", "short"), ("confirmPassword", "other"),
            ]
            try await client.execute(uri: "/register", method: .post, headers: Self.anonymous, body: form(fields)) { response in
                #expect(response.status == .badRequest)
                let html = response.body.text
                // Each field named in words, as the form labels it, not by its API name.
                for field in ["Given name", "Birth date", "Confirm password", "Password"] {
                    #expect(html.contains("<strong>\(field)</strong>"), "\(field)")
                }
                #expect(!html.contains("confirmPassword:") && !html.contains("<strong>confirmPassword</strong>"))
            }
            #expect(try await PatientStore(world.store).patients(clinicID: world.clinic.id).total == 8)
        }
    }

    @Test func aPasswordResetGoesThroughTheOutboxAndWorksOnce() async throws {
        try await withTestWorld { client, world in
            var pages: [String] = []
            for email in ["david.osei@demo.acuback.example", "nobody@demo.acuback.example"] {
                try await client.execute(uri: "/password/forgot", method: .post, headers: Self.anonymous, body: form([("_csrf", Self.csrf), ("email", email)])) { response in
                    #expect(response.status == .ok)
                    pages.append(response.body.text)
                }
            }
            #expect(pages[0] == pages[1], "the same answer for an account and for none")
            let outbox = OutboxStore(world.store)
            // The same work for both: one message queued, a link for the account, a note where there is none.
            let none = try await outbox.messages(to: "nobody@demo.acuback.example")
            #expect(none.count == 1 && none[0].body.contains("there is no account for it") && !none[0].body.contains("token="))
            let message = try #require(try await outbox.messages(to: "david.osei@demo.acuback.example").first)
            let token = try #require(message.body.range(of: #"token=[A-Za-z0-9_-]+"#, options: .regularExpression).map { String(message.body[$0].dropFirst(6)) })

            let common = [("_csrf", Self.csrf), ("token", token), ("password", "Password2026!"), ("confirmPassword", "Password2026!")]
            try await client.execute(uri: "/password/reset", method: .post, headers: Self.anonymous, body: form(common)) { response in
                #expect(response.status == .badRequest)
                #expect(response.body.text.contains("people use most"))
            }
            let reset = [("_csrf", Self.csrf), ("token", token), ("password", "brand new password"), ("confirmPassword", "brand new password")]
            try await client.execute(uri: "/password/reset", method: .post, headers: Self.anonymous, body: form(reset)) { response in
                #expect(response.status == .ok)
                #expect(response.body.text.contains("reset-done"))
            }
            #expect(try await login(client, "david.osei@demo.acuback.example", "brand new password").status == .seeOther)
            #expect(try await login(client, "david.osei@demo.acuback.example", "acuback-demo").status == .unauthorized)
            try await client.execute(uri: "/password/reset", method: .post, headers: Self.anonymous, body: form(reset)) { response in
                #expect(response.status == .badRequest)
                #expect(response.body.text.contains("reset-invalid"))
            }
        }
    }

    @Test func forgottenPasswordRequestsAreLimitedPerAccount() async throws {
        try await withTestWorld { client, world in
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<7 {
                try await client.execute(uri: "/password/forgot", method: .post, headers: Self.anonymous,
                                         body: form([("_csrf", Self.csrf), ("email", "david.osei@demo.acuback.example")])) { response in
                    statuses.append(response.status)
                    if response.status == .tooManyRequests { #expect(response.headers[.retryAfter] != nil) }
                }
            }
            #expect(statuses.prefix(5).allSatisfy { $0 == .ok })
            #expect(statuses.suffix(2).allSatisfy { $0 == .tooManyRequests })
            let links = try await OutboxStore(world.store).messages(to: "david.osei@demo.acuback.example").filter { $0.kind == "password-reset" }
            #expect(links.count == 5, "a refused request sends nothing")
        }
    }

    @Test func onlyLocalPathsAreFollowedAfterSignIn() {
        #expect(AuthPagesController.safeNext("/plan?x=1") == "/plan?x=1")
        #expect(AuthPagesController.safeNext("https://evil.example/") == nil)
        #expect(AuthPagesController.safeNext("//evil.example/") == nil)
        #expect(AuthPagesController.safeNext("/\\evil.example") == nil)
        // Browsers drop tabs and newlines from addresses: "/\t/host/path" would become "//host/path".
        #expect(AuthPagesController.safeNext("/\t/evil.example/path") == nil)
        #expect(AuthPagesController.safeNext("/\n/evil.example") == nil)
        #expect(AuthPagesController.safeNext("/ /evil.example") == nil)
    }
}
