/// The ICD-10-CM codes a back-pain assessment supports: sciatica when lower back pain radiates to
/// the leg (by side), low back pain otherwise, and thoracic pain for the upper and middle back.
/// M54.51 and M54.59 need a finding the assessment does not record, so the derived code is M54.50;
/// the practitioner may choose one of them instead (`lowBackAlternatives`).
public enum DiagnosisCoding {
    public static let lowBackAlternatives = [BillingCatalogue.lowBackUnspecified, BillingCatalogue.lowBackVertebrogenic, BillingCatalogue.lowBackOther]

    public static func codes(for assessment: Assessment) -> [BillingCode] {
        var codes: [BillingCode] = []
        if assessment.regions.contains(.lower) {
            if assessment.radiatesToLeg {
                switch assessment.side {
                case .left: codes.append(BillingCatalogue.sciaticaLeft)
                case .right: codes.append(BillingCatalogue.sciaticaRight)
                case .both: codes += [BillingCatalogue.sciaticaRight, BillingCatalogue.sciaticaLeft]
                case .midline: codes.append(BillingCatalogue.sciaticaUnspecifiedSide)
                }
            } else {
                codes.append(BillingCatalogue.lowBackUnspecified)
            }
        }
        if assessment.regions.contains(.upper) || assessment.regions.contains(.middle) {
            codes.append(BillingCatalogue.thoracic)
        }
        return codes
    }

    /// The pointer letters a claim form uses for its diagnoses (A–L).
    public static let pointers = Array("ABCDEFGHIJKL").map(String.init)
}
