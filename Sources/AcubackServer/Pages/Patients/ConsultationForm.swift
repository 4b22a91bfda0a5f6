import AcubackServices
import AcubackCore
import Foundation

/// The first-consultation form on a patient's record: the plan page's assessment fields (read by
/// `PlanForm`, so one form reads them) with the complaint, duration, red-flag screen and examination.
struct ConsultationForm {
    let fields: FormFields

    func consultation() throws(ValidationError) -> Consultation {
        var errors = FieldErrorCollector()
        var assessment: Assessment?
        do {
            assessment = try PlanForm(fields).request().assessment
        } catch {
            error.errors.forEach { errors.add($0.field, $0.rule) }
        }
        func whole(_ name: String, field: String, rule: String) -> Int? {
            guard let text = fields.first(name)?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            guard let value = Int(text) else { errors.add(field, rule); return nil }
            return value
        }
        let duration = whole("durationWeeks", field: "durationWeeks", rule: "must be a whole number of weeks")
        let left = whole("slrLeft", field: "examination.straightLegRaiseLeft", rule: "must be a whole number of degrees")
        let right = whole("slrRight", field: "examination.straightLegRaiseRight", rule: "must be a whole number of degrees")
        let flags = fields.all("redFlags").compactMap { text -> RedFlag? in
            if let flag = RedFlag(rawValue: text) { return flag }
            errors.add("redFlags", "'\(text)' is not a red flag this form asks about")
            return nil
        }
        try errors.throwIfAny()
        let consultation = Consultation(
            complaint: fields.text("complaint"), assessment: assessment!, durationWeeks: duration, redFlags: flags,
            examination: Examination(
                rangeOfMovement: fields.text("rangeOfMovement"), straightLegRaiseLeft: left, straightLegRaiseRight: right,
                tenderPoints: fields.text("tenderPoints"), neurologicalSigns: fields.text("neuroSigns")))
        try consultation.validate()
        return consultation
    }

    /// The form filled from the newest assessment and the current intake, for the next consultation.
    static func prefilled(from latest: Consultation?, risks: RiskFactors) -> FormFields {
        var values: [String: [String]] = ["check": ["1"]]
        do {
            values["pregnancyWeek"] = risks.pregnancyWeek.map { [String($0)] }
            values["bmi"] = risks.bmi.map { [String($0)] }
            values["bleedingDisorder"] = [risks.bleedingDisorder.rawValue]
            for (name, on) in riskFlags(risks) where on { values[name] = ["on"] }
            values["brokenSkinRegions"] = risks.brokenSkinRegions.map(\.rawValue)
            values["metalImplantRegions"] = risks.metalImplantRegions.map(\.rawValue)
        }
        if let latest {
            let assessment = latest.assessment
            values["regions"] = assessment.regions.map(\.rawValue)
            values["side"] = [assessment.side.rawValue]
            values["levels"] = assessment.levels.map(\.rawValue)
            values["onset"] = [assessment.onset.rawValue]
            if assessment.radiatesToLeg { values["radiatesToLeg"] = ["on"] }
            if assessment.electroacupuncture { values["electroacupuncture"] = ["on"] }
            values["preferredPosition"] = assessment.preferredPosition.map { [$0.rawValue] }
        }
        return FormFields(values: values.compactMapValues { $0 })
    }

    /// The risk factors that are ticked boxes, by the name of their box.
    static func riskFlags(_ risks: RiskFactors) -> [String: Bool] {
        [
            "anticoagulants": risks.anticoagulants, "implantedDevice": risks.implantedDevice, "lungDisease": risks.lungDisease,
            "thoracicSurgery": risks.thoracicSurgery, "faintingHistory": risks.faintingHistory, "needlePhobia": risks.needlePhobia,
            "epilepsy": risks.epilepsy, "cannotLieProne": risks.cannotLieProne,
        ]
    }

    /// The form's words for a field an error names.
    static func label(_ field: String) -> String {
        let root = field.split(separator: "[").first.map(String.init) ?? field
        switch root {
        case "complaint": return "Complaint"
        case "regions": return "Where it hurts"
        case "side": return "Side"
        case "levels": return "Tender levels"
        case "onset": return "How long"
        case "durationWeeks": return "Duration"
        case "radiatesToLeg": return "Pain runs into the leg"
        case "redFlags": return "Red-flag screen"
        case "preferredPosition": return "Preferred position"
        default:
            if root.hasPrefix("examination.") { return "Examination" }
            if root.hasPrefix("patient.") { return "Risk factors" }
            return root
        }
    }
}
