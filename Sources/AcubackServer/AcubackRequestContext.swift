import AcubackServices
import AcubackCore
import AcubackStore
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

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// Decides whether the actor may take `action` on `target`, through the one access policy.
    public func require(_ action: Action, _ target: AccessTarget = .none) throws(AccessDenied) {
        try AccessPolicy.require(actor, action, target)
    }
}
