import Foundation
import Testing

@testable import AcubackCore

@Suite struct RedFlagTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    func at(_ minutes: Double) -> Date { t0.addingTimeInterval(minutes * 60) }

    @Test func noScreenOrAnEmptyScreenLetsTreatmentGoAhead() {
        #expect(RedFlagClearance.of(screens: [], decisions: []) == .clear)
        #expect(RedFlagClearance.of(screens: [RedFlagScreen(flags: [], screenedAt: t0)], decisions: []) == .clear)
    }

    @Test func aFlagStopsTreatmentUntilAClearingMadeAfterIt() {
        let screen = RedFlagScreen(flags: [.nightPain], screenedAt: at(0))
        #expect(RedFlagClearance.of(screens: [screen], decisions: []) == .stopped(flags: [.nightPain], referred: false))
        let before = RedFlagDecision(outcome: .cleared, reason: "old", decidedAt: at(-10))
        #expect(!RedFlagClearance.of(screens: [screen], decisions: [before]).isClear)
        let after = RedFlagDecision(outcome: .cleared, reason: "reviewed", decidedAt: at(5))
        #expect(RedFlagClearance.of(screens: [screen], decisions: [after]).isClear)
    }

    @Test func aReferralKeepsTreatmentStoppedUntilALaterClearing() {
        let screen = RedFlagScreen(flags: [.weightLoss], screenedAt: at(0))
        let referral = RedFlagDecision(outcome: .referred, reason: "weight", referredTo: "GP", decidedAt: at(5))
        #expect(RedFlagClearance.of(screens: [screen], decisions: [referral]) == .stopped(flags: [.weightLoss], referred: true))
        let cleared = RedFlagDecision(outcome: .cleared, reason: "GP letter", decidedAt: at(60))
        #expect(RedFlagClearance.of(screens: [screen], decisions: [referral, cleared]).isClear)
        // A clearing followed by a referral is stopped again.
        let referredAgain = RedFlagDecision(outcome: .referred, reason: "new sign", referredTo: "GP", decidedAt: at(90))
        #expect(!RedFlagClearance.of(screens: [screen], decisions: [referral, cleared, referredAgain]).isClear)
    }

    @Test func aNewFlagAtAReviewStopsTreatmentAgain() {
        let first = RedFlagScreen(flags: [.nightPain], screenedAt: at(0))
        let cleared = RedFlagDecision(outcome: .cleared, reason: "ok", decidedAt: at(5))
        let review = RedFlagScreen(flags: [.fever], screenedAt: at(600))
        #expect(RedFlagClearance.of(screens: [first, review], decisions: [cleared]) == .stopped(flags: [.fever], referred: false))
    }

    @Test func suspectedCaudaEquinaIsUrgent() {
        for flag in RedFlag.allCases {
            let clearance = RedFlagClearance.of(screens: [RedFlagScreen(flags: [flag], screenedAt: t0)], decisions: [])
            #expect(clearance.isUrgent == (flag.group == .caudaEquina), "\(flag)")
        }
    }

    @Test func everyGroupOfTheScreenIsAsked() {
        #expect(Set(RedFlag.allCases.map(\.group)) == Set(RedFlagGroup.allCases))
        #expect(RedFlag.sources.allSatisfy { ClinicalSources.source(id: $0) != nil })
    }

    @Test func aDecisionNamesWhatIsMissing() {
        #expect(throws: ValidationError(field: "outcome", rule: "is required: 'cleared' or 'referred'")) {
            try RedFlagDecision.validate(outcome: nil, reason: "x", referredTo: nil)
        }
        #expect(throws: ValidationError(field: "reason", rule: "is required: say what was reviewed and why")) {
            try RedFlagDecision.validate(outcome: .cleared, reason: "  ", referredTo: nil)
        }
        #expect(throws: ValidationError(field: "referredTo", rule: "is required for a referral: say to whom")) {
            try RedFlagDecision.validate(outcome: .referred, reason: "fever", referredTo: "")
        }
    }
}
