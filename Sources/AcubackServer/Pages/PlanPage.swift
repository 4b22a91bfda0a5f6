import AcubackServices
import AcubackCore

/// The plan template's values: the assessment form as submitted and, once it reads, the plan.
struct PlanPage: PageModel {
    /// The template reads the form's fields inside `{{#form}}`.
    let form: PlanFormView
    let errors: [[String: String]]
    let hasErrors: Bool
    let plan: PlanResultView?

    init(form: PlanFormView, errors: [FieldError], plan: PlanResultView?) {
        self.form = form
        self.errors = FieldWords.rows(errors)
        hasErrors = !errors.isEmpty
        self.plan = plan
    }
}


/// The assessment form redrawn as submitted, with each field's errors beside it: the plan page's
/// form, and the shared part of the consultation form on a patient's record.
struct PlanFormView: Sendable {
    struct Choice: Sendable {
        let value: String
        let label: String
        let checked: Bool
    }

    struct Level: Sendable {
        let value: String
        let checked: Bool
    }

    struct LevelGroup: Sendable {
        let label: String
        let levels: [Level]
    }

    struct Flag: Sendable {
        let name: String
        let label: String
        let checked: Bool
    }

    let regions: [Choice]
    let sides: [Choice]
    let onsets: [Choice]
    let levelGroups: [LevelGroup]
    let radiatesToLeg: Bool
    let electroacupuncture: Bool
    let positions: [Choice]
    let noPosition: Bool
    let pregnancyWeek: String
    let bmi: String
    let bleeding: [Choice]
    let flags: [Flag]
    let skinRegions: [Choice]
    let implantRegions: [Choice]
    // Nil unless the field is in error: Mustache shows a section for any string, even an empty one.
    let regionsError: String?
    let sideError: String?
    let onsetError: String?
    let levelsError: String?
    let radiatesError: String?
    let positionError: String?
    let pregnancyError: String?
    let bmiError: String?

    static let riskFlags: [(name: String, label: String)] = [
        ("anticoagulants", "Takes anticoagulants"), ("implantedDevice", "Pacemaker or implanted device"),
        ("lungDisease", "Chronic lung disease"), ("thoracicSurgery", "Previous thoracic surgery"),
        ("faintingHistory", "History of fainting"), ("needlePhobia", "Needle phobia"), ("epilepsy", "Epilepsy"),
        ("cannotLieProne", "Cannot lie face down"),
    ]

    init(_ fields: FormFields, errors: [FieldError]) {
        func options<T: RawRepresentable<String> & CaseIterable>(_ type: T.Type, _ name: String, label: (T) -> String) -> [Choice] {
            T.allCases.map { Choice(value: $0.rawValue, label: label($0), checked: fields.all(name).contains($0.rawValue)) }
        }
        /// The rules broken by a field and by its parts (`regions[0]`, `patient.bmi`), or nil.
        func messages(_ prefix: String) -> String? {
            let text = errors.filter { $0.field == prefix || $0.field.hasPrefix(prefix + "[") || $0.field.hasPrefix(prefix + ".") }
                .map(\.rule).joined(separator: "; ")
            return text.isEmpty ? nil : text
        }
        regions = options(BackRegion.self, "regions") { "\($0.rawValue.capitalized) back" }
        sides = options(PainSide.self, "side") { $0.rawValue.capitalized }
        onsets = options(Onset.self, "onset") { onset in
            switch onset {
            case .acute: "Acute (under 6 weeks)"
            case .subacute: "Subacute (6–12 weeks)"
            case .chronic: "Chronic (over 12 weeks)"
            }
        }
        levelGroups = BackRegion.allCases.map { region in
            LevelGroup(
                label: "\(region.rawValue.capitalized) back",
                levels: SpinalLevel.allCases.filter { $0.region == region }.map {
                    Level(value: $0.rawValue, checked: fields.all("levels").contains($0.rawValue))
                })
        }
        radiatesToLeg = fields.flag("radiatesToLeg")
        electroacupuncture = fields.flag("electroacupuncture")
        positions = options(TreatmentPosition.self, "preferredPosition") { PositionText.describe($0) }
        noPosition = fields.first("preferredPosition") == nil
        pregnancyWeek = fields.first("pregnancyWeek") ?? ""
        bmi = fields.first("bmi") ?? ""
        bleeding = options(BleedingDisorder.self, "bleedingDisorder") { $0 == .none ? "None" : $0.rawValue.capitalized }
        flags = Self.riskFlags.map { Flag(name: $0.name, label: $0.label, checked: fields.flag($0.name)) }
        skinRegions = options(SkinRegion.self, "brokenSkinRegions") { PositionText.words($0.rawValue) }
        implantRegions = options(SkinRegion.self, "metalImplantRegions") { PositionText.words($0.rawValue) }
        regionsError = messages("regions")
        sideError = messages("side")
        onsetError = messages("onset")
        levelsError = messages("levels")
        radiatesError = messages("radiatesToLeg")
        positionError = messages("preferredPosition")
        pregnancyError = messages("patient.pregnancyWeek")
        bmiError = messages("patient.bmi")
    }
}

/// A proposed plan as the plan template draws it inside `{{#plan}}`.
struct PlanResultView: Sendable {
    struct Needle: Sendable {
        let role: String
        let point: String
        let name: String
        let side: String
        let depth: Int
        let angle: String
        let reason: String

        init(_ needle: PlannedNeedle, catalogue: PointCatalogue) {
            role = needle.role.rawValue
            point = needle.point
            name = catalogue.point(needle.point)?.pinyin ?? ""
            side = needle.side.rawValue + (needle.site.map { " (\($0))" } ?? "")
            depth = needle.maxDepthMm
            angle = PositionText.words(needle.angle.rawValue)
            reason = needle.reason
        }
    }

    struct FindingRow: Sendable {
        let severity: String
        let id: String
        let message: String
        let unresolved: Bool
        let needsAck: Bool
        let acknowledged: Bool
        let source: String
        let resolution: String?

        init(_ finding: Finding, in plan: TreatmentPlan) {
            severity = finding.severity.rawValue
            id = finding.id
            message = finding.message
            unresolved = finding.isUnresolvedBlock
            needsAck = finding.needsAcknowledgement
            acknowledged = plan.isAcknowledged(finding)
            source = ClinicalSources.source(id: finding.source)?.citation ?? finding.source
            resolution = finding.resolution
        }
    }

    struct Reference: Sendable {
        let id: String
        let citation: String
    }

    let chart: String
    let needles: [Needle]
    let findings: [FindingRow]
    let hasFindings: Bool
    let `protocol`: String
    let needleCount: Int
    let position: String
    let retention: Int
    let rationale: String
    let usable: Bool
    let pendingCount: Int
    let blocked: Bool
    let references: [Reference]
    let catalogueVersion: String
    /// The plan's own answer, which is no when the patient's risks rule the current out, whatever
    /// the form asked for (the form's tick box is the page's key of the same name).
    let electroacupuncture: Bool

    init(_ plan: TreatmentPlan, regions: [BackRegion]) {
        let catalogue = PointCatalogue.standard
        chart = BackChart(plan: plan, painfulRegions: regions, catalogue: catalogue).render()
        needles = plan.needles.map { Needle($0, catalogue: catalogue) }
        findings = plan.findings.map { FindingRow($0, in: plan) }
        hasFindings = !findings.isEmpty
        `protocol` = plan.protocolName
        electroacupuncture = plan.electroacupuncture
        needleCount = plan.needleCount
        position = PositionText.describe(plan.position)
        retention = plan.retentionMinutes
        rationale = plan.rationale
        usable = plan.isUsable
        pendingCount = plan.pendingAcknowledgements.count
        blocked = plan.findings.contains(where: \.isUnresolvedBlock)
        references = plan.sourceIDs.compactMap(ClinicalSources.source(id:)).map { Reference(id: $0.id, citation: $0.citation) }
        catalogueVersion = plan.catalogueVersion
    }
}
