/// Thrown when the access policy says no; pages and API turn it into 401 or 403 without saying why.
public struct AccessDenied: Error, CustomStringConvertible {
    public let signedIn: Bool
    public let reason: String

    public init(signedIn: Bool, reason: String) {
        self.signedIn = signedIn
        self.reason = reason
    }

    public var description: String { reason }
}

extension AccessPolicy {
    /// The policy's decision as a thrown error, for the use cases that stop at a refusal.
    public static func require(_ actor: Actor?, _ action: Action, _ target: AccessTarget) throws(AccessDenied) {
        switch decide(actor, action, target) {
        case .allow: return
        case .signInRequired: throw AccessDenied(signedIn: false, reason: "sign-in required")
        case .deny(let reason): throw AccessDenied(signedIn: true, reason: reason)
        }
    }
}
