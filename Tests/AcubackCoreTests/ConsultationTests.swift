import Foundation
import Testing

@testable import AcubackCore

@Suite struct ConsultationTests {
    func consultation(_ change: (inout Consultation) -> Void = { _ in }) -> Consultation {
        var value = Consultation(
            complaint: "Aching low back", assessment: Assessment(regions: [.lower], side: .both, levels: [.L4], onset: .chronic),
            durationWeeks: 20, redFlags: [], examination: Examination(straightLegRaiseLeft: 60))
        change(&value)
        return value
    }

    func fields(_ value: Consultation) -> [String] {
        do { try value.validate(); return [] } catch { return error.errors.map(\.field) }
    }

    @Test func aCompleteConsultationIsValid() {
        #expect(fields(consultation()) == [])
    }

    @Test func everyProblemIsNamedAtOnce() {
        let bad = consultation {
            $0.complaint = " "
            $0.assessment.levels = [.T3]
            $0.redFlags = [.fever, .fever]
            $0.examination.straightLegRaiseRight = 95
        }
        #expect(fields(bad) == ["levels[0]", "complaint", "redFlags", "examination.straightLegRaiseRight"])
    }

    @Test(arguments: [(3, Onset.acute), (6, .subacute), (12, .subacute), (13, .chronic)])
    func theDurationMustAgreeWithTheOnset(weeks: Int, onset: Onset) {
        #expect(Onset(weeks: weeks) == onset)
        #expect(fields(consultation { $0.durationWeeks = weeks; $0.assessment.onset = onset }) == [])
        let other = Onset.allCases.first { $0 != onset }!
        #expect(fields(consultation { $0.durationWeeks = weeks; $0.assessment.onset = other }) == ["durationWeeks"])
    }

    @Test func consentNeedsANameToSignAndAReasonWhenVerbal() {
        #expect(throws: Never.self) { try ConsentSignature(method: .online, signedName: "Ann Lee").validate() }
        #expect(throws: ValidationError(field: "signedName", rule: "is required: the patient types their full name to sign")) {
            try ConsentSignature(method: .desk, signedName: "   ").validate()
        }
        #expect(throws: ValidationError(field: "reason", rule: "is required for verbal consent: say why it was not signed")) {
            try ConsentSignature(method: .verbal).validate()
        }
        #expect(ConsentSignature.matches("hughes  Margaret", "Margaret Hughes"))
        #expect(!ConsentSignature.matches("Mickey Mouse", "Margaret Hughes"))
        #expect(!ConsentSignature.matches("Margaret", "Margaret Hughes"))
        #expect(ConsentText.standard.contains("pneumothorax"))
        #expect(ConsentText.standard.contains("stop the treatment at any moment"))
    }

    @Test func aNoteNeedsASectionAndKeepsItsLimits() {
        #expect(throws: Never.self) { try SessionNote(plan: "Next week").validate() }
        #expect(throws: ValidationError(field: "subjective", rule: "a note needs at least one of subjective, objective, assessment, plan")) {
            try SessionNote(tongue: "Pale").validate()
        }
        #expect(throws: ValidationError(field: "pulse", rule: "must be at most 500 characters")) {
            try SessionNote(plan: "x", pulse: String(repeating: "a", count: 501)).validate()
        }
    }
}

@Suite struct PatientIdentityRuleTests {
    let today = CalendarDay("2026-11-27")!

    func fields(_ given: String, _ family: String, _ birth: String) -> [String] {
        var errors = FieldErrorCollector()
        PatientIdentityRule.check(givenName: given, familyName: family, birthDate: birth, today: today, into: &errors)
        return errors.errors.map(\.field)
    }

    @Test func namesAndBirthDatesKeepToSensibleBounds() {
        #expect(fields("Ann", "Lee", "1970-05-01") == [])
        #expect(fields(String(repeating: "a", count: 100_000), "Lee", "1970-05-01") == ["givenName"])
        #expect(fields("Ann\u{0}", "Le\u{7}e", "1970-05-01") == ["givenName", "familyName"])
        #expect(fields("Ann", "Lee", "0001-01-01") == ["birthDate"])
        #expect(fields("Ann", "Lee", "2027-01-01") == ["birthDate"])
        #expect(ClinicSettings.isTimeZoneName("Europe/London") && ClinicSettings.isTimeZoneName("Etc/UTC"))
        #expect(!ClinicSettings.isTimeZoneName("UTC\u{0}") && !ClinicSettings.isTimeZoneName("Mars/Base") && !ClinicSettings.isTimeZoneName(""))
    }
}
