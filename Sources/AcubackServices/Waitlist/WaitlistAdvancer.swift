import Foundation
import Logging
import ServiceLifecycle

/// Passes waitlist offers whose window has closed to the next patient, without anyone visiting
/// a page. Runs in every instance; each expired offer is claimed in the database by one of them.
public struct WaitlistAdvancer: Service {
    public let waitlist: WaitlistService
    public let logger: Logger
    public var interval: Duration = .seconds(30)

    public init(waitlist: WaitlistService, logger: Logger) {
        self.waitlist = waitlist
        self.logger = logger
    }

    public func run() async throws {
        // A graceful shutdown cancels the wait between rounds, so the server stops at once
        // rather than after up to one interval.
        try await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let made = try await waitlist.advance(now: waitlist.services.now())
                    if made > 0 { logger.info("waitlist: \(made) offer(s) passed to the next patient") }
                } catch {
                    if !Task.isCancelled { logger.warning("waitlist advance failed: \(error)") }
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
