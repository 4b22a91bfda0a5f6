import Foundation
import Synchronization

/// The clock the demo's history is written under: the use cases read it as "now", and the loader
/// moves it through the weeks before today.
final class DemoClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date) { current = Mutex(start) }

    var now: Date { current.withLock { $0 } }

    func set(_ date: Date) { current.withLock { $0 = date } }

    func advance(seconds: Double) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}
