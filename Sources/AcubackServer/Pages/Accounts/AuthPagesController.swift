import AcubackServices
import AcubackCore
import Foundation
import Hummingbird

/// Sign in, sign out, patient registration and password reset.
struct AuthPagesController {
    let renderer: PageRenderer
    let services: AppServices

    var signIn: SignInService { SignInService(services: services) }

    func addRoutes(to router: Router<AcubackRequestContext>) {
        router.get("/login") { request, context in
            try renderer.render("login", context, path: "/login", model: LoginPage(next: Self.safeNext(request.uri.queryParameters["next"].map(String.init))))
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
                return try renderer.render("password-forgot", context, path: "/password/forgot", model: PasswordForgotPage(sent: true))
                    .response(from: request, context: context)
            case .throttled(let retryAfter):
                let minutes = max(1, (retryAfter + 59) / 60)
                var response = try renderer.render(
                    "password-forgot", context, path: "/password/forgot",
                    model: PasswordForgotPage(error: "Too many requests. Try again in \(minutes) minute\(minutes == 1 ? "" : "s")."),
                    status: .tooManyRequests
                ).response(from: request, context: context)
                response.headers[.retryAfter] = String(retryAfter)
                return response
            }
        }
        router.get("/password/reset") { request, context in
            let token = request.uri.queryParameters["token"].map(String.init) ?? ""
            let valid = try await services.accounts.resetLinkIsValid(token: token)
            return try renderer.render(
                "password-reset", context, path: "/password/reset", model: PasswordResetPage(token: token, invalid: !valid),
                status: valid ? .ok : .badRequest)
        }
        router.post("/password/reset") { request, context in try await reset(request, context) }
    }

    private func login(_ request: Request, _ context: AcubackRequestContext) async throws -> Response {
        let form = try await FormFields.of(request)
        let next = Self.safeNext(form.first("next"))
        let email = form.text("email")
        func again(_ message: String, _ status: HTTPResponse.Status) throws -> Response {
            try renderer.render("login", context, path: "/login", model: LoginPage(next: next, email: email, error: message), status: status)
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
            response.setCookie(AuthCookie.make(name: AuthCookie.session, value: token, maxAge: Int(AccountService.sessionLifetime), secure: AuthCookie.isSecure(request)))
            return response
        }
    }

    private func logout(_ request: Request, _ context: AcubackRequestContext) async throws -> Response {
        if let token = AuthCookie.value(AuthCookie.session, in: request) {
            try await services.accounts.signOut(sessionToken: token)
        }
        var response = Response.redirect(to: "/", type: .normal)
        response.setCookie(AuthCookie.clear(name: AuthCookie.session, secure: AuthCookie.isSecure(request)))
        return response
    }

    private func register(_ request: Request, _ context: AcubackRequestContext) async throws -> Response {
        let form = try await FormFields.of(request)
        do {
            try await services.accounts.register(
                .init(
                    givenName: form.text("givenName"), familyName: form.text("familyName"), birthDate: form.text("birthDate"),
                    email: form.text("email"), password: form.first("password") ?? "", confirmPassword: form.first("confirmPassword") ?? ""),
                from: context.clientAddress)
            return try renderer.render(
                "register", context, path: "/register",
                model: RegisterPage(registeredTo: EmailRule.normalized(form.text("email")), words: renderer.words(context))
            ).response(from: request, context: context)
        } catch let error as ValidationError {
            let page = RegisterPage(
                email: form.text("email"), givenName: form.text("givenName"), familyName: form.text("familyName"),
                birthDate: form.text("birthDate"), hasErrors: true, errors: FieldWords.rows(error.errors))
            return try renderer.render("register", context, path: "/register", model: page, status: .badRequest)
                .response(from: request, context: context)
        }
    }

    private func reset(_ request: Request, _ context: AcubackRequestContext) async throws -> Response {
        let form = try await FormFields.of(request)
        let token = form.first("token") ?? ""
        func again(_ errors: [FieldError], invalid: Bool = false) throws -> Response {
            try renderer.render(
                "password-reset", context, path: "/password/reset",
                model: PasswordResetPage(token: token, invalid: invalid, hasErrors: !errors.isEmpty, errors: FieldWords.rows(errors)),
                status: .badRequest
            ).response(from: request, context: context)
        }
        switch try await services.accounts.completeReset(
            token: token, password: form.first("password") ?? "", confirmPassword: form.first("confirmPassword") ?? "", from: context.clientAddress)
        {
        case .invalidLink: return try again([], invalid: true)
        case .refused(let errors): return try again(errors)
        case .done: break
        }
        return try renderer.render("password-reset", context, path: "/password/reset", model: PasswordResetPage(done: true))
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

/// The login template's values.
struct LoginPage: PageModel {
    /// Where to go once signed in; only ever a path on this site.
    var next: String?
    var email: String?
    var error: String?
}

/// The register template's values: what was typed, kept after an error, or the address registered.
struct RegisterPage: PageModel {
    var registered = false
    var email: String
    /// The thanks after registering, naming the address written to; HTML, the address escaped.
    var registeredMessage: String?
    var givenName: String?
    var familyName: String?
    var birthDate: String?
    var hasErrors = false
    var errors: [[String: String]] = []

    init(
        email: String, givenName: String? = nil, familyName: String? = nil, birthDate: String? = nil, hasErrors: Bool = false,
        errors: [[String: String]] = []
    ) {
        self.email = email
        self.givenName = givenName
        self.familyName = familyName
        self.birthDate = birthDate
        self.hasErrors = hasErrors
        self.errors = errors
    }

    init(registeredTo email: String, words: Catalogue) {
        self.init(email: email)
        registered = true
        // SVG.escape is the XML escaping HTML text needs too; the address is what the visitor typed.
        registeredMessage = words.text("register.registered.message", ["email": SVG.escape(email)])
    }
}

/// The password-forgot template's values.
struct PasswordForgotPage: PageModel {
    var sent = false
    var error: String?
}

/// The password-reset template's values.
struct PasswordResetPage: PageModel {
    var token: String?
    var invalid = false
    var hasErrors = false
    var errors: [[String: String]] = []
    var done = false
}
