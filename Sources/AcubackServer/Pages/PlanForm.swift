import AcubackServices
import AcubackCore

/// The plan page's assessment form: reads the submitted fields into an assessment, naming each
/// bad field as the API does. `PlanFormView` redraws it.
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
        func choices<T: NamedChoice>(_ name: String, as type: T.Type) -> [T] {
            RiskFactorsForm.choices(name, of: fields, field: name, into: &errors)
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
