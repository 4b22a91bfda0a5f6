import Foundation

@testable import AcubackCore

/// A fixed start and short ways to write needle events in the session tests.
enum Chair {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    static func minutes(_ minutes: Double) -> Date { start.addingTimeInterval(minutes * 60) }

    static func insert(_ key: NeedleKey, at minute: Double = 0, depth: Int = 20, deQi: Bool = true,
                       stimulation: Stimulation = .manual, type: String = "0.25 × 40 mm, steel") -> NeedleEvent {
        .inserted(Insertion(key: key, at: minutes(minute), depthMm: depth, needleType: type, stimulation: stimulation, deQi: deQi))
    }

    static func planned(_ keys: [NeedleKey]) -> [PlannedNeedle] {
        keys.map {
            PlannedNeedle(point: $0.point!, side: $0.side!, site: $0.site, role: .local, maxDepthMm: 30, angle: .perpendicular,
                          reason: "test", sources: [])
        }
    }
}

extension NeedleKey {
    static func bl23(_ side: NeedleSide) -> NeedleKey { NeedleKey(point: "BL23", side: side) }
}
