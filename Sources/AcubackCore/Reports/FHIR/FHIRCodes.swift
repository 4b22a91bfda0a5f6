/// The code systems and codes Acuback writes into FHIR resources (CLINICAL.md §7). Codes of our
/// own live under `urn:acuback:` so they cannot be mistaken for a published system.
public enum FHIRCodes {
    public static let snomed = "http://snomed.info/sct"
    public static let loinc = "http://loinc.org"
    public static let acupuncture = (code: "44868003", display: "Acupuncture (procedure)")
    /// "Pain severity - 0-10 verbal numeric rating [Score] - Reported".
    public static let painNRS = (code: "72514-3", display: "Pain severity - 0-10 verbal numeric rating [Score] - Reported")
    /// WHO standard point codes with the side: `BL23-left`, `GV4-midline`, `EX-B2-L4-right`.
    public static let pointSystem = "urn:acuback:fhir:CodeSystem:acupuncture-point"
    /// Acuback's measures other than pain now.
    public static let measureSystem = "urn:acuback:fhir:CodeSystem:outcome-measure"
    public static let afterEffectSystem = "urn:acuback:fhir:CodeSystem:after-effect"
    public static let appointmentKindSystem = "urn:acuback:fhir:CodeSystem:appointment-kind"
    public static let certificateSystem = "urn:acuback:fhir:NamingSystem:certificate-number"
    public static let observationCategory = "http://terminology.hl7.org/CodeSystem/observation-category"
    public static let ucum = "http://unitsofmeasure.org"
    public static let redFlagSystem = "urn:acuback:fhir:CodeSystem:red-flag"
    public static let redFlagDecisionSystem = "urn:acuback:fhir:CodeSystem:red-flag-decision"
    public static let consentMethodSystem = "urn:acuback:fhir:CodeSystem:consent-method"
    public static let flagCategory = "http://terminology.hl7.org/CodeSystem/flag-category"
    public static let consentScope = "http://terminology.hl7.org/CodeSystem/consentscope"
    /// LOINC "Patient consent".
    public static let patientConsent = (code: "59284-0", display: "Patient Consent")
    /// LOINC "Progress note".
    public static let progressNote = (code: "11506-3", display: "Progress note")
}
