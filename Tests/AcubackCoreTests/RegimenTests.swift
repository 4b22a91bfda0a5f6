import Foundation
import Testing

@testable import AcubackCore

@Suite struct RegimenTests {
    @Test func trialRegimensHaveTheirPublishedShape() {
        #expect(Regimen.gerac.sessions == 10 && Regimen.gerac.weeks == 5)
        #expect(Regimen.cherkin2009.sessions == 10 && Regimen.cherkin2009.weeks == 7)
        #expect(Regimen.brinkhaus2006.sessions == 12 && Regimen.brinkhaus2006.weeks == 8)
        #expect(Regimen.gerac.source == ClinicalSources.haake2007)
        #expect(Regimen.clinic(sessions: 6, perWeek: 1).source == nil)
    }

    @Test func reviewsFallAfterTheFourthOrFifthSessionAndAtTheEnd() {
        #expect(Regimen.gerac.reviewAfter == [5, 10])
        #expect(Regimen.brinkhaus2006.reviewAfter == [5, 12])
        #expect(Regimen.clinic(sessions: 8, perWeek: 2).reviewAfter == [4, 8])
        // Too short for an interim review to tell anything the final one would not.
        #expect(Regimen.clinic(sessions: 5, perWeek: 1).reviewAfter == [5])
    }

    @Test func phaseOfEachSession() {
        let cherkin = Regimen.cherkin2009
        #expect((0..<6).allSatisfy { cherkin.phase(ofSession: $0).perWeek == 2 })
        #expect((6..<10).allSatisfy { cherkin.phase(ofSession: $0).perWeek == 1 })
        #expect(cherkin.summary == "10 sessions: 2 a week for 3 weeks, then 1 a week for 4 weeks")
    }

    @Test func validationNamesThePhaseAndRule() {
        let bad = Regimen(origin: .clinic, phases: [RegimenPhase(sessions: 0, perWeek: 6)])
        #expect(throws: ValidationError([
            FieldError(field: "regimen.phases[0].sessions", rule: "must be from 1 to 30"),
            FieldError(field: "regimen.phases[0].perWeek", rule: "must be from 1 to 5"),
        ])) { try bad.validate() }
        #expect(throws: ValidationError.self) { try Regimen(origin: .clinic, phases: Array(repeating: RegimenPhase(sessions: 20, perWeek: 2), count: 2)).validate() }
    }
}
