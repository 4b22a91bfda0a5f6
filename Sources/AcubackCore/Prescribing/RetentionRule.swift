/// How long the needles stay in: 10 to 20 minutes (seed; CLINICAL.md §1). Twenty minutes as in the
/// Cherkin 2009 standardised arm, ten for a patient who has fainted before or fears needles.
enum RetentionRule {
    static let range = 10...20
    static let standardMinutes = 20
    static let shortMinutes = 10

    static func minutes(for assessment: Assessment) -> Int {
        let patient = assessment.patient
        return patient.faintingHistory || patient.needlePhobia ? shortMinutes : standardMinutes
    }
}
