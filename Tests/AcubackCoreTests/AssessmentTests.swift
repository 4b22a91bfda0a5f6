import Foundation
import Testing

@testable import AcubackCore

@Suite struct AssessmentTests {
    static let example = """
        {"regions": ["lower"], "side": "both", "levels": ["L4", "L5"], "radiatesToLeg": false,
         "onset": "chronic", "electroacupuncture": false, "preferredPosition": null,
         "patient": {"pregnancyWeek": null, "anticoagulants": false, "bleedingDisorder": "none",
           "implantedDevice": false, "lungDisease": false, "thoracicSurgery": false, "bmi": 24.0,
           "faintingHistory": false, "needlePhobia": false, "epilepsy": false,
           "brokenSkinRegions": [], "cannotLieProne": false}}
        """

    func decode(_ json: String) throws(ValidationError) -> Assessment {
        try PlanRequest.decode(from: Data(json.utf8)).assessment
    }

    func errors(_ json: String) -> [FieldError] {
        do {
            let assessment = try decode(json)
            try assessment.validate()
            return []
        } catch {
            return error.errors
        }
    }

    @Test func decodesTheDocumentedExample() throws {
        let assessment = try decode(Self.example)
        #expect(assessment == Assessment(regions: [.lower], side: .both, levels: [.L4, .L5], onset: .chronic, patient: RiskFactors(bmi: 24)))
        try assessment.validate()
    }

    @Test func onlyRegionsSideAndOnsetAreRequired() throws {
        let assessment = try decode(#"{"regions": ["upper"], "side": "left", "onset": "acute"}"#)
        #expect(assessment.levels.isEmpty && assessment.patient == .none && !assessment.electroacupuncture)
    }

    @Test(arguments: [
        (#"{"side": "left", "onset": "acute"}"#, "regions", "is required"),
        (#"{"regions": ["upper"], "onset": "acute"}"#, "side", "is required"),
        (#"{"regions": ["lumbar"], "side": "left", "onset": "acute"}"#, "regions[0]", "'lumbar' is not one of 'upper', 'middle', 'lower'"),
        (#"{"regions": ["upper"], "side": "up", "onset": "acute"}"#, "side", "'up' is not one of"),
        (#"{"regions": ["upper"], "side": "left", "onset": "sudden"}"#, "onset", "'sudden' is not one of"),
        (#"{"regions": ["upper"], "side": "left", "onset": "acute", "levels": ["T13"]}"#, "levels[0]", "'T13' is not one of"),
        (#"{"regions": ["upper"], "side": "left", "onset": "acute", "patient": {"bmi": "high"}}"#, "patient.bmi", "must be a number"),
        (#"{"regions": ["upper"], "side": "left", "onset": "acute", "patient": {"bleedingDisorder": "some"}}"#, "patient.bleedingDisorder", "is not one of"),
        (#"{"regions": "upper", "side": "left", "onset": "acute"}"#, "regions", "must be"),
        (#"{"regions": ["upper"], "side": "left", "onset": "acute", "edits": [{"action": "poke", "point": "BL23"}]}"#, "edits[0].action", "is not one of"),
        (#"{"regions": ["upper"],"#, "body", "JSON"),
    ])
    func unreadableInputNamesTheFieldAndTheRule(json: String, field: String, rule: String) {
        let found = errors(json)
        #expect(found.count == 1)
        #expect(found.first?.field == field)
        #expect(found.first?.rule.contains(rule) == true, "\(found)")
    }

    @Test(arguments: [
        (#"{"regions": [], "side": "left", "onset": "acute"}"#, "regions", "at least one"),
        (#"{"regions": ["upper", "upper"], "side": "left", "onset": "acute"}"#, "regions", "must not repeat"),
        (#"{"regions": ["upper"], "side": "left", "onset": "acute", "levels": ["L4"]}"#, "levels[0]", "L4 is in the lower back"),
        (#"{"regions": ["upper"], "side": "left", "onset": "acute", "radiatesToLeg": true}"#, "radiatesToLeg", "lower back"),
        (#"{"regions": ["lower"], "side": "left", "onset": "acute", "patient": {"pregnancyWeek": 50}}"#, "patient.pregnancyWeek", "1 to 42"),
        (#"{"regions": ["lower"], "side": "left", "onset": "acute", "patient": {"bmi": 4}}"#, "patient.bmi", "10 to 80"),
        (#"{"regions": ["lower"], "side": "left", "onset": "acute", "preferredPosition": "prone", "patient": {"cannotLieProne": true}}"#, "preferredPosition", "cannot lie prone"),
    ])
    func contradictoryInputNamesTheFieldAndTheRule(json: String, field: String, rule: String) {
        let found = errors(json)
        #expect(found.map(\.field) == [field])
        #expect(found.first?.rule.contains(rule) == true, "\(found)")
    }

    @Test func everyProblemIsReportedAtOnce() {
        let found = errors(#"{"regions": ["upper"], "side": "left", "onset": "acute", "levels": ["L4", "S1"], "radiatesToLeg": true, "patient": {"bmi": 200}}"#)
        #expect(found.map(\.field) == ["levels[0]", "levels[1]", "radiatesToLeg", "patient.bmi"])
    }

    @Test func levelsDefaultToTheUsualCentreOfEachRegion() {
        let assessment = Assessment(regions: [.upper, .middle, .lower], side: .both, levels: [.T9], onset: .chronic)
        #expect(assessment.painfulLevels(in: .upper) == [.T3, .T4])
        #expect(assessment.painfulLevels(in: .middle) == [.T9])
        #expect(assessment.painfulLevels(in: .lower) == [.L4, .L5])
    }
}
