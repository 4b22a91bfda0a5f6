import Foundation

/// What a patient felt in the hours after a session, as counted for the clinic's figures.
public enum AfterEffect: String, Codable, Sendable, CaseIterable {
    case soreness, tiredness, neededSleep = "needed-sleep", bruising, breathlessness, other
}

extension CheckIn {
    /// The after-effects this check-in reports.
    public var afterEffects: Set<AfterEffect> {
        var found: Set<AfterEffect> = []
        if soreness > 0 { found.insert(.soreness) }
        if tiredness { found.insert(.tiredness) }
        if neededSleep { found.insert(.neededSleep) }
        if bruising { found.insert(.bruising) }
        if breathlessness { found.insert(.breathlessness) }
        if !other.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { found.insert(.other) }
        return found
    }
}
