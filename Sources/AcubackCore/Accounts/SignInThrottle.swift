import Foundation

/// How many failed sign-ins are tolerated before further attempts are refused for a while: per
/// account (whatever the address, so a guesser cannot spread out) and per address (so one
/// machine cannot try many accounts). The counts live in the database, shared by every instance.
public struct SignInThrottle: Sendable {
    public var window: TimeInterval = 15 * 60
    public var perAccount = 5
    public var perAddress = 20

    public init() {}

    public enum Verdict: Sendable, Equatable {
        case allowed
        /// Refused until at least this many seconds have passed.
        case throttled(retryAfter: Int)
    }

    /// - Parameters:
    ///   - accountFailures: times of recent failures for the account name given.
    ///   - addressFailures: times of recent failures from the client address.
    public func verdict(accountFailures: [Date], addressFailures: [Date], now: Date) -> Verdict {
        let recentAccount = accountFailures.filter { now.timeIntervalSince($0) < window }.sorted()
        let recentAddress = addressFailures.filter { now.timeIntervalSince($0) < window }.sorted()
        var waits: [TimeInterval] = []
        if recentAccount.count >= perAccount { waits.append(window - now.timeIntervalSince(recentAccount[recentAccount.count - perAccount])) }
        if recentAddress.count >= perAddress { waits.append(window - now.timeIntervalSince(recentAddress[recentAddress.count - perAddress])) }
        guard let wait = waits.max() else { return .allowed }
        return .throttled(retryAfter: max(1, Int(wait.rounded(.up))))
    }
}
