import Foundation

/// What a practitioner records at a first consultation (or when the picture changes): the
/// complaint in the patient's words, the assessment the engine plans from (with a snapshot of the
/// risk factors it is planned with), how long it has lasted, the red-flag screen and the examination.
public struct Consultation: Codable, Sendable, Equatable {
    public var complaint: String
    public var assessment: Assessment
    public var durationWeeks: Int?
    public var redFlags: [RedFlag]
    public var examination: Examination

    public init(
        complaint: String, assessment: Assessment, durationWeeks: Int? = nil, redFlags: [RedFlag] = [], examination: Examination = .none
    ) {
        self.complaint = complaint
        self.assessment = assessment
        self.durationWeeks = durationWeeks
        self.redFlags = redFlags
        self.examination = examination
    }

    public static let complaintLimit = 2000
    public static let durationRange = 0...5200

    /// Every problem at once: the assessment's own rules, then the consultation's.
    public func validate() throws(ValidationError) {
        var errors = FieldErrorCollector()
        do { try assessment.validate() } catch { error.errors.forEach { errors.add($0.field, $0.rule) } }
        let text = complaint.trimmingCharacters(in: .whitespacesAndNewlines)
        errors.check(!text.isEmpty, "complaint", "is required: the complaint in the patient's words")
        errors.check(text.count <= Self.complaintLimit, "complaint", "must be at most \(Self.complaintLimit) characters")
        if let weeks = durationWeeks {
            errors.check(Self.durationRange.contains(weeks), "durationWeeks", "must be from 0 to 5200 weeks")
            if weeks >= 0 {
                errors.check(Onset(weeks: weeks) == assessment.onset, "durationWeeks",
                             "\(weeks) weeks is \(Onset(weeks: weeks).rawValue), not \(assessment.onset.rawValue): correct the onset or the duration")
            }
        }
        errors.check(Set(redFlags).count == redFlags.count, "redFlags", "must not repeat a red flag")
        examination.check(into: &errors)
        try errors.throwIfAny()
    }
}

extension Onset {
    /// Acute under 6 weeks, subacute 6 to 12, chronic over 12 (the usual guideline split).
    public init(weeks: Int) {
        self = weeks < 6 ? .acute : (weeks <= 12 ? .subacute : .chronic)
    }
}
