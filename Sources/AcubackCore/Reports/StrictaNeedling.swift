import Foundation

/// STRICTA 2010 item 2, "details of needling", filled from a session's ledger (CLINICAL.md §4).
public struct StrictaNeedling: Codable, Sendable, Equatable {
    public struct Range: Codable, Sendable, Equatable {
        public let min: Int
        public let max: Int
        public let mean: Double
    }

    /// 2a: number of needle insertions.
    public let insertions: Int
    /// 2b: points used, with one or both sides.
    public let points: [String]
    /// 2c: depth of insertion in millimetres.
    public let depthMm: Range?
    /// 2d: response sought, and how often it was obtained.
    public let responseSought: String
    /// 2e: needle stimulation.
    public let stimulation: [Stimulation]
    /// 2e: each electroacupuncture pair with its two points, frequency, waveform, intensity and duration.
    public let electricalPairs: [String]
    /// 2f: needle retention time in minutes.
    public let retentionMinutes: Int?
    /// 2g: needle type (gauge, length, material or maker).
    public let needleTypes: [String]

    public init(session: ChairSession) {
        let insertions = session.ledger.insertions
        self.insertions = insertions.count
        var sides: [String: Set<NeedleSide>] = [:]
        var order: [String] = []
        for insertion in insertions {
            let place = [insertion.key.area?.rawValue, insertion.key.level?.rawValue].compactMap { $0 }.joined(separator: " ")
            let name = insertion.key.point ?? "extra needle (\(insertion.key.location ?? "tender point")\(place.isEmpty ? "" : ", \(place)"))"
            if sides[name] == nil { order.append(name) }
            sides[name, default: []].formUnion(insertion.key.side.map { [$0] } ?? [])
        }
        points = order.map { name in
            let used = sides[name] ?? []
            let side = used == [.left, .right] ? "both sides" : used.first.map { $0 == .midline ? "midline" : "\($0.rawValue) side" } ?? ""
            return side.isEmpty ? name : "\(name) (\(side))"
        }
        let depths = insertions.map(\.depthMm)
        depthMm = depths.isEmpty ? nil : Range(min: depths.min()!, max: depths.max()!, mean: Double(depths.reduce(0, +)) / Double(depths.count))
        let deQi = insertions.filter(\.deQi).count
        responseSought = "de qi, obtained at \(deQi) of \(insertions.count) insertions"
        var seen: [Stimulation] = []
        for stimulation in insertions.map(\.stimulation) where !seen.contains(stimulation) { seen.append(stimulation) }
        stimulation = seen
        electricalPairs = session.ledger.electricalPairs.map(\.summary)
        if let start = session.timer.startedAt, let end = session.removalStartedAt {
            retentionMinutes = Int((end.timeIntervalSince(start) / 60).rounded())
        } else {
            retentionMinutes = nil
        }
        var types: [String] = []
        for type in insertions.map(\.needleType) where !types.contains(type) { types.append(type) }
        needleTypes = types
    }
}
