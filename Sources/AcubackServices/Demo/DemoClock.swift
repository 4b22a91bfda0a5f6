import Foundation
import Synchronization

/// The clock the demo's history is written under: the use cases read it as "now", and the loader
/// moves it through the weeks before today.
public final class DemoClock: Sendable {
    private let current: Mutex<Date>

    public init(_ start: Date) { current = Mutex(start) }

    public var now: Date { current.withLock { $0 } }

    public func set(_ date: Date) { current.withLock { $0 = date } }

    public func advance(seconds: Double) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}
