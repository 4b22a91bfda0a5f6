import AcubackServices
import AcubackCore
import Hummingbird

/// The plan page's assessment form: reads the submitted fields into an assessment (naming each
/// bad field as the API does) and gives the template what it needs to redraw the form.
struct PlanForm {
    private let fields: FormFields

    init(_ fields: FormFields) {
        self.fields = fields
    }

    var isSubmitted: Bool { fields.has("check") }

    private func all(_ name: String) -> [String] { fields.all(name) }
    private func first(_ name: String) -> String? { fields.first(name) }
    private func flag(_ name: String) -> Bool { fields.flag(name) }

    /// The request the form describes; every unreadable field is reported at once.
    func request() throws(ValidationError) -> PlanRequest {
        var errors = FieldErrorCollector()
        func choices<T: NamedChoice>(_ name: String, field: String? = nil, as type: T.Type) -> [T] {
            all(name).compactMap { text in
                if let value = T(rawValue: text) { return value }
                errors.add(field ?? name, "'\(text)' is not one of \(T.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", "))")
                return nil
            }
        }
        func number<T: LosslessStringConvertible>(_ name: String, field: String, as type: T.Type, rule: String) -> T? {
            guard let text = first(name) else { return nil }
            guard let value = T(text) else {
                errors.add(field, rule)
                return nil
            }
            return value
        }
        let regions = choices("regions", as: BackRegion.self)
        let side = choices("side", as: PainSide.self).first
        let onset = choices("onset", as: Onset.self).first
        if first("side") == nil { errors.add("side", "is required") }
        if first("onset") == nil { errors.add("onset", "is required") }
        let patient = RiskFactorsForm.read(fields, prefix: "patient.", into: &errors)
        let assessment = Assessment(
            regions: regions, side: side ?? .both, levels: choices("levels", as: SpinalLevel.self).sorted(),
            radiatesToLeg: flag("radiatesToLeg"), onset: onset ?? .chronic, electroacupuncture: flag("electroacupuncture"),
            preferredPosition: choices("preferredPosition", as: TreatmentPosition.self).first, patient: patient)
        do {
            try assessment.validate()
        } catch {
            for problem in error.errors where !errors.errors.contains(where: { $0.field == problem.field }) {
                errors.add(problem.field, problem.rule)
            }
        }
        try errors.throwIfAny()
        return PlanRequest(assessment: assessment, acknowledged: all("acknowledged"))
    }

    // MARK: - Redrawing the form

    func context(errors: [FieldError]) -> [String: Any] {
        func options<T: RawRepresentable<String> & CaseIterable>(_ type: T.Type, _ name: String, label: (T) -> String) -> [[String: Any]] {
            T.allCases.map { ["value": $0.rawValue, "label": label($0), "checked": all(name).contains($0.rawValue)] }
        }
        func messages(_ prefix: String) -> String {
            errors.filter { $0.field == prefix || $0.field.hasPrefix(prefix + "[") || $0.field.hasPrefix(prefix + ".") }
                .map(\.rule).joined(separator: "; ")
        }
        let levelGroups = BackRegion.allCases.map { region -> [String: Any] in
            let levels = SpinalLevel.allCases.filter { $0.region == region }
            return [
                "label": "\(region.rawValue.capitalized) back",
                "levels": levels.map { ["value": $0.rawValue, "checked": all("levels").contains($0.rawValue)] },
            ]
        }
        let flags: [(String, String)] = [
            ("anticoagulants", "Takes anticoagulants"), ("implantedDevice", "Pacemaker or implanted device"),
            ("lungDisease", "Chronic lung disease"), ("thoracicSurgery", "Previous thoracic surgery"),
            ("faintingHistory", "History of fainting"), ("needlePhobia", "Needle phobia"), ("epilepsy", "Epilepsy"),
            ("cannotLieProne", "Cannot lie face down"),
        ]
        var context: [String: Any] = [
            "submitted": isSubmitted,
            "regions": options(BackRegion.self, "regions") { "\($0.rawValue.capitalized) back" },
            "sides": options(PainSide.self, "side") { $0.rawValue.capitalized },
            "onsets": options(Onset.self, "onset") { onset in
                switch onset {
                case .acute: "Acute (under 6 weeks)"
                case .subacute: "Subacute (6–12 weeks)"
                case .chronic: "Chronic (over 12 weeks)"
                }
            },
            "levelGroups": levelGroups,
            "radiatesToLeg": flag("radiatesToLeg"),
            "electroacupuncture": flag("electroacupuncture"),
            "positions": options(TreatmentPosition.self, "preferredPosition") { PositionText.describe($0) },
            "noPosition": first("preferredPosition") == nil,
            "pregnancyWeek": first("pregnancyWeek") ?? "",
            "bmi": first("bmi") ?? "",
            "bleeding": options(BleedingDisorder.self, "bleedingDisorder") { $0 == .none ? "None" : $0.rawValue.capitalized },
            "noBleeding": first("bleedingDisorder") == nil,
            "flags": flags.map { ["name": $0.0, "label": $0.1, "checked": flag($0.0)] },
            "skinRegions": options(SkinRegion.self, "brokenSkinRegions") { PositionText.words($0.rawValue) },
            "implantRegions": options(SkinRegion.self, "metalImplantRegions") { PositionText.words($0.rawValue) },
            "errors": FieldWords.rows(errors),
            "hasErrors": !errors.isEmpty,
        ]
        // A key only for a field in error: Mustache treats an empty string as a value.
        let fieldErrors = [
            ("regionsError", "regions"), ("sideError", "side"), ("onsetError", "onset"), ("levelsError", "levels"),
            ("radiatesError", "radiatesToLeg"), ("positionError", "preferredPosition"),
            ("pregnancyError", "patient.pregnancyWeek"), ("bmiError", "patient.bmi"),
        ]
        for (key, field) in fieldErrors {
            let text = messages(field)
            if !text.isEmpty { context[key] = text }
        }
        return context
    }
}

/// Words for people, for the page.
enum PositionText {
    static func describe(_ position: TreatmentPosition) -> String {
        switch position {
        case .prone: "Lying face down (prone)"
        case .seated: "Sitting upright"
        case .sideLying: "Lying on the side"
        }
    }

    /// "upperBack" → "Upper back".
    static func words(_ camel: String) -> String {
        var result = ""
        for character in camel {
            if character.isUppercase { result += " " + character.lowercased() } else { result.append(character) }
        }
        return result.prefix(1).uppercased() + result.dropFirst()
    }
}
