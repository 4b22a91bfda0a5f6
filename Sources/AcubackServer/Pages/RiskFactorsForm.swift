import AcubackCore

/// Reads the risk factors from a submitted form: the one reader for the plan, consultation and
/// intake forms, so a value the form does not offer is named as an error everywhere, never dropped.
enum RiskFactorsForm {
    /// - Parameter prefix: the prefix errors name the fields with ("patient." on the plan form).
    static func read(_ fields: FormFields, prefix: String = "", into errors: inout FieldErrorCollector) -> RiskFactors {
        func choices<T: NamedChoice>(_ name: String) -> [T] {
            Self.choices(name, of: fields, field: prefix + name, into: &errors)
        }
        func number<T: LosslessStringConvertible>(_ name: String, rule: String) -> T? {
            guard let text = fields.first(name) else { return nil }
            guard let value = T(text) else {
                errors.add(prefix + name, rule)
                return nil
            }
            return value
        }
        let bleeding: [BleedingDisorder] = choices("bleedingDisorder")
        return RiskFactors(
            pregnancyWeek: number("pregnancyWeek", rule: "must be a whole number of weeks"),
            anticoagulants: fields.flag("anticoagulants"), bleedingDisorder: bleeding.first ?? .none,
            implantedDevice: fields.flag("implantedDevice"), lungDisease: fields.flag("lungDisease"),
            thoracicSurgery: fields.flag("thoracicSurgery"), bmi: number("bmi", rule: "must be a number"),
            faintingHistory: fields.flag("faintingHistory"), needlePhobia: fields.flag("needlePhobia"), epilepsy: fields.flag("epilepsy"),
            brokenSkinRegions: choices("brokenSkinRegions"), metalImplantRegions: choices("metalImplantRegions"),
            cannotLieProne: fields.flag("cannotLieProne"))
    }

    /// Each value given for `name` as one of `T`'s choices; a value the form does not offer is
    /// named under `field`. The plan form reads its own choices with this too.
    static func choices<T: NamedChoice>(_ name: String, of fields: FormFields, field: String, into errors: inout FieldErrorCollector) -> [T] {
        fields.all(name).compactMap { text in
            if let value = T(rawValue: text) { return value }
            errors.add(field, "'\(text)' is not one of \(T.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", "))")
            return nil
        }
    }
}
