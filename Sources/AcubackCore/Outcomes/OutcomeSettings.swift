/// A clinic's choices for judging outcomes: the clinically important difference in pain and the
/// licensed questionnaires it has enabled.
public struct OutcomeSettings: Codable, Sendable, Equatable {
    /// Less pain by at least this percentage of the baseline counts as important (Farrar 2001: 30 %).
    public var importantPercent: Double
    /// Or by at least this many points on the 0–10 scale (Ostelo 2008: 2 points).
    public var importantPoints: Double
    public var instruments: Set<Instrument>

    public init(importantPercent: Double = 30, importantPoints: Double = 2, instruments: Set<Instrument> = []) {
        self.importantPercent = importantPercent
        self.importantPoints = importantPoints
        self.instruments = instruments
    }

    public static let standard = OutcomeSettings()

    /// Partial responders have at least this much less pain (GERAC: 10–50 %).
    public static let partialPercent = 10.0

    public var sources: [ClinicalSource] { [ClinicalSources.farrar2001, ClinicalSources.ostelo2008] }

    public func validate() throws(ValidationError) {
        var errors = FieldErrorCollector()
        errors.check((10...90).contains(importantPercent), "importantPercent", "must be from 10 to 90")
        errors.check((0.5...5).contains(importantPoints), "importantPoints", "must be from 0.5 to 5 points")
        try errors.throwIfAny()
    }
}
