extension Assessment {
    public static let pregnancyWeeks = 1...42
    public static let bmiRange = 10.0...80.0

    /// Checks that the assessment is complete and consistent; every problem is reported at once.
    public func validate() throws(ValidationError) {
        var errors = FieldErrorCollector()
        errors.check(!regions.isEmpty, "regions", "must name at least one of 'upper', 'middle', 'lower'")
        errors.check(Set(regions).count == regions.count, "regions", "must not repeat a region")
        for (index, level) in levels.enumerated() where !regions.contains(level.region) {
            errors.add(
                "levels[\(index)]",
                "\(level.rawValue) is in the \(level.region.rawValue) back, which is not among the regions given")
        }
        errors.check(Set(levels).count == levels.count, "levels", "must not repeat a level")
        errors.check(
            !radiatesToLeg || regions.contains(.lower), "radiatesToLeg",
            "pain radiating to the leg comes from the lower back; add 'lower' to regions or set it to false")
        if let week = patient.pregnancyWeek {
            errors.check(Self.pregnancyWeeks.contains(week), "patient.pregnancyWeek", "must be from 1 to 42, or null when not pregnant")
        }
        if let bmi = patient.bmi {
            errors.check(Self.bmiRange.contains(bmi), "patient.bmi", "must be from 10 to 80")
        }
        errors.check(
            !(preferredPosition == .prone && patient.cannotLieProne), "preferredPosition",
            "cannot be 'prone' when the patient cannot lie prone")
        try errors.throwIfAny()
    }

    /// The levels the plan is built around: those palpated, else the usual centre of the region.
    public func painfulLevels(in region: BackRegion) -> [SpinalLevel] {
        let given = levels.filter { $0.region == region }.sorted()
        if !given.isEmpty { return given }
        switch region {
        case .upper: return [.T3, .T4]
        case .middle: return [.T9, .T10]
        case .lower: return [.L4, .L5]
        }
    }
}
