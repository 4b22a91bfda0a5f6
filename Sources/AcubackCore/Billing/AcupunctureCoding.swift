/// One line of procedure codes: a code and how many units of it.
public struct ProcedureLine: Sendable, Equatable, Codable {
    public var code: BillingCode
    public var units: Int

    public init(_ code: BillingCode, units: Int) {
        self.code = code
        self.units = units
    }
}

/// Turns a session's contact time into acupuncture procedure codes.
///
/// - Time is counted in 15-minute units of one-to-one contact; a unit is reached once its midpoint
///   is passed (8 minutes), so 8–22 minutes make one unit, 23–37 two, 38–52 three.
/// - The first unit is the initial code, once a day: with electrical stimulation 97813, else 97810,
///   never both. When the patient's initial code was already billed that day, the session's first
///   unit is a further unit too, its own first set of needles being the re-insertion.
/// - Each further unit needs a set of needles re-inserted: units without one are not billed.
/// - A session with any electrical stimulation bills the electrical codes throughout.
public enum AcupunctureCoding {
    public static let unitMinutes = 15
    public static let midpointMinutes = 8

    /// How many units `minutes` of contact make under the midpoint rule.
    public static func timeUnits(minutes: Int) -> Int {
        minutes < midpointMinutes ? 0 : (minutes - midpointMinutes) / unitMinutes + 1
    }

    public static func lines(for contact: ContactTime, initialBilledEarlierToday: Bool = false) -> [ProcedureLine] {
        let initial = contact.electrical ? BillingCatalogue.electricalInitial : BillingCatalogue.manualInitial
        let additional = contact.electrical ? BillingCatalogue.electricalAdditional : BillingCatalogue.manualAdditional
        let units = timeUnits(minutes: contact.minutes)
        guard units > 0 else { return [] }
        if initialBilledEarlierToday {
            let further = min(units, 1 + contact.reinsertions.count)
            return [ProcedureLine(additional, units: further)]
        }
        let further = min(units - 1, contact.reinsertions.count)
        return [ProcedureLine(initial, units: 1)] + (further > 0 ? [ProcedureLine(additional, units: further)] : [])
    }
}
