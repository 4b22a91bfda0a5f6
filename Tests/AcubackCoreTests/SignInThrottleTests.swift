import Foundation
import Testing

@testable import AcubackCore

@Suite struct SignInThrottleTests {
    let throttle = SignInThrottle()
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func failures(_ count: Int, secondsApart: Double = 10) -> [Date] {
        (0..<count).map { now.addingTimeInterval(-Double($0) * secondsApart) }
    }

    @Test func aFewFailuresAreAllowed() {
        #expect(throttle.verdict(accountFailures: failures(4), addressFailures: failures(19), now: now) == .allowed)
    }

    @Test func theFifthFailureForAnAccountThrottlesItForTheRestOfTheWindow() {
        let verdict = throttle.verdict(accountFailures: failures(5, secondsApart: 60), addressFailures: [], now: now)
        // The oldest of the five was 4 minutes ago: 11 minutes remain of the 15-minute window.
        #expect(verdict == .throttled(retryAfter: 11 * 60))
    }

    @Test func manyFailuresFromOneAddressThrottleIt() {
        guard case .throttled = throttle.verdict(accountFailures: [], addressFailures: failures(20), now: now) else {
            Issue.record("20 failures from one address should throttle")
            return
        }
    }

    @Test func oldFailuresDoNotCount() {
        let old = (0..<10).map { now.addingTimeInterval(-16 * 60 - Double($0)) }
        #expect(throttle.verdict(accountFailures: old, addressFailures: old, now: now) == .allowed)
    }
}
