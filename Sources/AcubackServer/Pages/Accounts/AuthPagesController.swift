import AcubackServices
import AcubackCore
import AcubackStore
import Foundation
import Hummingbird

/// Sign in, sign out, patient registration and password reset.
struct AuthPagesController {
    let renderer: PageRenderer
    let services: AppServices

    var signIn: SignInService { SignInService(services: services) }

    func addRoutes(to router: Router<AcubackRequestContext>) {
        router.get("/login") { request, context in
            try renderer.render("login", context, path: "/login", values: Self.safeNext(request.uri.queryParameters["next"].map(String.init)).map { ["next": $0] } ?? [:])
        }
        router.post("/login") { request, context in try await login(request, context) }
        router.post("/logout") { request, context in try await logout(request, context) }
        router.get("/register") { _, context in try renderer.render("register", context, path: "/register") }
        router.post("/register") { request, context in try await register(request, context) }
        router.get("/password/forgot") { _, context in try renderer.render("password-forgot", context, path: "/password/forgot") }
        router.post("/password/forgot") { request, context in
            let form = try await FormFields.of(request)
            switch try await signIn.requestReset(email: form.text("email"), address: context.clientAddress) {
            case .sent:
                return try renderer.render("password-forgot", context, path: "/password/forgot", values: ["sent": true])
                    .response(from: request, context: context)
            case .throttled(let retryAfter):
                let minutes = max(1, (retryAfter + 59) / 60)
                var response = try renderer.render(
                    "password-forgot", context, path: "/password/forgot",
                    values: ["error": "Too many requests. Try again in \(minutes) minute\(minutes == 1 ? "" : "s")."], status: .tooManyRequests
                ).response(from: request, context: context)
                response.headers[.retryAfter] = String(retryAfter)
                return response
            }
        }
        router.get("/password/reset") { request, context in
            let token = request.uri.queryParameters["token"].map(String.init) ?? ""
            let valid = try await services.accounts.passwordResetIsValid(tokenHash: SecureToken.hash(token), now: services.now())
            return try renderer.render(
                "password-reset", context, path: "/password/reset", values: ["token": token, "invalid": !valid],
                status: valid ? .ok : .badRequest)
        }
        router.post("/password/reset") { request, context in try await reset(request, context) }
    }

    private func login(_ request: Request, _ context: AcubackRequestContext) async throws -> Response {
        let form = try await FormFields.of(request)
        let next = Self.safeNext(form.first("next"))
        let email = form.text("email")
        func again(_ message: String, _ status: HTTPResponse.Status) throws -> Response {
            try renderer.render("login", context, path: "/login", values: ["email": email, "error": message].merging(next.map { ["next": $0] } ?? [:]) { $1 }, status: status)
                .response(from: request, context: context)
        }
        switch try await signIn.signIn(email: email, password: form.first("password") ?? "", address: context.clientAddress) {
        case .refused:
            return try again("The email address or the password is not right.", .unauthorized)
        case .throttled(let retryAfter):
            let minutes = max(1, (retryAfter + 59) / 60)
            var response = try again("Too many failed sign-ins. Try again in \(minutes) minute\(minutes == 1 ? "" : "s").", .tooManyRequests)
            response.headers[.retryAfter] = String(retryAfter)
            return response
        case .signedIn(let user, let token, _):
            var response = Response.redirect(to: next ?? Self.home(for: user.role), type: .normal)
            response.setCookie(AuthCookie.make(name: AuthCookie.session, value: token, maxAge: Int(AccountStore.sessionLifetime), secure: AuthCookie.isSecure(request)))
            return response
        }
    }

    private func logout(_ request: Request, _ context: AcubackRequestContext) async throws -> Response {
        if let token = AuthCookie.value(AuthCookie.session, in: request) {
            try await services.accounts.deleteSession(tokenHash: SecureToken.hash(token))
        }
        var response = Response.redirect(to: "/", type: .normal)
        response.setCookie(AuthCookie.clear(name: AuthCookie.session, secure: AuthCookie.isSecure(request)))
        return response
    }

    private func register(_ request: Request, _ context: AcubackRequestContext) async throws -> Response {
        let form = try await FormFields.of(request)
        let values: [String: Any] = [
            "givenName": form.text("givenName"), "familyName": form.text("familyName"), "birthDate": form.text("birthDate"),
            "email": form.text("email"),
        ]
        do {
            guard let clinic = try await services.accounts.defaultClinic() else {
                throw ValidationError(field: "clinic", rule: "registration is not open yet: the clinic has not been set up")
            }
            var errors = FieldErrorCollector()
            let birthDate = CalendarDay(form.text("birthDate"))
            let today = CalendarDay(services.now(), in: TimeZone(identifier: clinic.timeZone) ?? .gmt)
            PatientIdentityRule.check(
                givenName: form.text("givenName"), familyName: form.text("familyName"), birthDate: form.text("birthDate"), today: today, into: &errors)
            errors.check(form.first("password") == form.first("confirmPassword"), "confirmPassword", "must match the password")
            do { try EmailRule.check(form.text("email")) } catch { error.errors.forEach { errors.add($0.field, $0.rule) } }
            do { try PasswordRule.check(form.first("password") ?? "", email: form.text("email")) } catch {
                error.errors.forEach { errors.add($0.field, $0.rule) }
            }
            try errors.throwIfAny()
            // The page says the same for a new address and a registered one, and both cost a password
            // hash; the owner of a registered address is told by mail instead.
            let passwordHash = PasswordHasher.hash(form.first("password")!)
            if let existing = try await services.accounts.user(email: form.text("email")) {
                try await OutboxStore(services.database).enqueue(signIn.alreadyRegisteredMessage(to: existing), now: services.now())
            } else {
                let user = try await services.accounts.registerPatient(
                    clinicID: clinic.id, email: form.text("email"), givenName: form.text("givenName"),
                    familyName: form.text("familyName"), birthDate: birthDate!, passwordHash: passwordHash)
                let actor = try await services.accounts.actor(for: user)
                try await services.record(
                    "patient.register", by: actor, clinicID: clinic.id, patientID: actor.patientID, recordType: "patient",
                    recordID: actor.patientID?.uuidString, from: context.clientAddress)
                try await OutboxStore(services.database).enqueue(signIn.welcomeMessage(to: user, clinic: clinic.name), now: services.now())
            }
            return try renderer.render("register", context, path: "/register", values: ["registered": true, "email": EmailRule.normalized(form.text("email"))])
                .response(from: request, context: context)
        } catch let error as ValidationError {
            var page = values
            page["errors"] = FieldWords.rows(error.errors)
            page["hasErrors"] = true
            return try renderer.render("register", context, path: "/register", values: page, status: .badRequest)
                .response(from: request, context: context)
        }
    }

    private func reset(_ request: Request, _ context: AcubackRequestContext) async throws -> Response {
        let form = try await FormFields.of(request)
        let token = form.first("token") ?? ""
        func again(_ errors: [FieldError], invalid: Bool = false) throws -> Response {
            try renderer.render(
                "password-reset", context, path: "/password/reset",
                values: ["token": token, "invalid": invalid, "hasErrors": !errors.isEmpty, "errors": FieldWords.rows(errors)],
                status: .badRequest
            ).response(from: request, context: context)
        }
        let password = form.first("password") ?? ""
        guard password == form.first("confirmPassword") else {
            return try again([FieldError(field: "confirmPassword", rule: "must match the password")])
        }
        let tokenHash = SecureToken.hash(token)
        guard let owner = try await services.accounts.passwordResetUser(tokenHash: tokenHash, now: services.now()) else {
            return try again([], invalid: true)
        }
        do {
            try PasswordRule.check(password, email: owner.email)
        } catch {
            return try again(error.errors)
        }
        guard let user = try await services.accounts.completePasswordReset(
            tokenHash: tokenHash, newPasswordHash: PasswordHasher.hash(password), now: services.now())
        else { return try again([], invalid: true) }
        try await services.record(
            "user.passwordReset", by: try await services.accounts.actor(for: user), clinicID: user.clinicID,
            recordType: "user", recordID: user.id.uuidString, from: context.clientAddress)
        return try renderer.render("password-reset", context, path: "/password/reset", values: ["done": true])
            .response(from: request, context: context)
    }

    /// Only a path on this site, never another site (an open redirect).
    /// Only a path on this site: it starts with one slash, and holds no backslash, whitespace or
    /// control character, which browsers drop or rewrite ("/\t/host" becomes "//host", another origin).
    static func safeNext(_ next: String?) -> String? {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"),
              next.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F })
        else { return nil }
        return next
    }

    static func home(for role: Role) -> String {
        switch role {
        case .patient: "/me"
        case .practitioner: "/plan"
        case .reception: "/patients"
        case .admin: "/admin/users"
        }
    }
}
