import AcubackServices
import AcubackCore
import Hummingbird

/// The per-request context every route receives: who is asking, and how they signed in.
public struct AcubackRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in user, when there is one.
    public var actor: Actor?
    /// The browser session, when the request came with a session cookie.
    public var session: SessionRecord?
    /// The token a form must carry back: the session's when signed in, else the CSRF cookie's.
    public var csrfToken: String?
    /// The name, address and telephone of the clinic the page belongs to (the signed-in person's,
    /// or the one the public pages show); nil for the API and before any clinic exists.
    public var clinicContact: ClinicContact?
    /// The client's address, for the audit trail and the sign-in throttle.
    public var clientAddress: String
    /// The language of the page, chosen by `LanguageMiddleware`.
    public var language: Language = .standard
    /// The path and query the page was asked for, where the language switch comes back to.
    public var requestedPath: String = "/"

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// Decides whether the actor may take `action` on `target`, through the one access policy.
    public func require(_ action: Action, _ target: AccessTarget = .none) throws(AccessDenied) {
        try AccessPolicy.require(actor, action, target)
    }
}

extension AcubackRequestContext {
    /// The signed-in person, when they may take `action` at all.
    func requireActor(_ action: Action) throws -> Actor {
        try require(action)
        guard let actor else { throw AccessDenied(signedIn: false, reason: "sign in") }
        return actor
    }

    /// The signed-in actor, for routes whose group has already checked access.
    var signedIn: Actor {
        get throws {
            guard let actor else { throw AccessDenied(signedIn: false, reason: "sign in") }
            return actor
        }
    }
}
