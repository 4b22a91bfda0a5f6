/// A code on a bill: a procedure (CPT) or a diagnosis (ICD-10-CM). The summary is our own short
/// wording; the licensed CPT descriptors are not reproduced.
public struct BillingCode: Sendable, Equatable, Hashable, Codable {
    public enum System: String, Sendable, Codable { case cpt, icd10cm }

    public let system: System
    public let code: String
    public let summary: String
    public let source: String

    public init(_ system: System, _ code: String, _ summary: String, source: String) {
        self.system = system
        self.code = code
        self.summary = summary
        self.source = source
    }
}

/// The codes Acuback derives, with their sources (CLINICAL.md "Billing").
public enum BillingCatalogue {
    static let cptSource = "AMA CPT, Physical Medicine and Rehabilitation, acupuncture codes 97810–97814 (since 2005); time units per the CPT time rule"
    static let icdSource = "CDC NCHS ICD-10-CM, category M54 Dorsalgia; M54.5 expanded to M54.50/M54.51/M54.59 from 1 October 2021 (FY2022 addenda)"

    public static let manualInitial = BillingCode(.cpt, "97810", "Acupuncture without electrical stimulation, first 15 minutes of one-to-one contact", source: cptSource)
    public static let manualAdditional = BillingCode(.cpt, "97811", "Acupuncture without electrical stimulation, each further 15 minutes of one-to-one contact with needles re-inserted", source: cptSource)
    public static let electricalInitial = BillingCode(.cpt, "97813", "Acupuncture with electrical stimulation, first 15 minutes of one-to-one contact", source: cptSource)
    public static let electricalAdditional = BillingCode(.cpt, "97814", "Acupuncture with electrical stimulation, each further 15 minutes of one-to-one contact with needles re-inserted", source: cptSource)

    public static let lowBackUnspecified = BillingCode(.icd10cm, "M54.50", "Low back pain, not further specified", source: icdSource)
    public static let lowBackVertebrogenic = BillingCode(.icd10cm, "M54.51", "Low back pain arising from the vertebral endplates", source: icdSource)
    public static let lowBackOther = BillingCode(.icd10cm, "M54.59", "Other low back pain", source: icdSource)
    public static let sciaticaUnspecifiedSide = BillingCode(.icd10cm, "M54.40", "Low back pain with sciatica, side not specified", source: icdSource)
    public static let sciaticaRight = BillingCode(.icd10cm, "M54.41", "Low back pain with sciatica, right side", source: icdSource)
    public static let sciaticaLeft = BillingCode(.icd10cm, "M54.42", "Low back pain with sciatica, left side", source: icdSource)
    public static let thoracic = BillingCode(.icd10cm, "M54.6", "Pain in the thoracic spine", source: icdSource)

    public static let procedures = [manualInitial, manualAdditional, electricalInitial, electricalAdditional]
    public static let diagnoses = [
        lowBackUnspecified, lowBackVertebrogenic, lowBackOther, sciaticaUnspecifiedSide, sciaticaRight, sciaticaLeft, thoracic,
    ]

    public static func procedure(_ code: String) -> BillingCode? { procedures.first { $0.code == code } }
    public static func diagnosis(_ code: String) -> BillingCode? { diagnoses.first { $0.code == code } }
}
