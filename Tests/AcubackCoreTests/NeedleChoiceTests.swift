import Testing

@testable import AcubackCore

@Suite struct NeedleChoiceTests {
    let catalogue = PointCatalogue.standard

    @Test func anAliasBecomesTheCataloguesCode() throws {
        #expect(try NeedleChoice(point: "UB23", side: .left).key(in: catalogue) == NeedleKey(point: "BL23", side: .left))
        #expect(try NeedleChoice(point: "Du4").key(in: catalogue) == NeedleKey(point: "GV4", side: .midline))
    }

    @Test func anExtraNeedleIsPlacedOnTheChartWithItsLevelAndWords() throws {
        let key = try NeedleChoice(side: .left, location: " tender beside L3 ", area: .lowerBack, level: .L3).key(in: catalogue)
        #expect(key.bodyLocation == BodyLocation(area: .lowerBack, level: .L3, side: .left, note: "tender beside L3"))
        let cases: [(NeedleChoice, String)] = [
            (NeedleChoice(location: "  "), "point"),
            (NeedleChoice(side: .left, location: "left of L3"), "area"),
            (NeedleChoice(location: "left of L3", area: .lowerBack, level: .L3), "side"),
            (NeedleChoice(side: .left, location: "left of L3", area: .lowerBack), "level"),
            (NeedleChoice(side: .left, location: "left of L3", area: .lowerBack, level: .T4), "level"),
            (NeedleChoice(side: .left, location: "", area: .lowerBack, level: .L3), "location"),
            (NeedleChoice(side: .midline, location: "calf", area: .leg), "side"),
        ]
        for (choice, field) in cases {
            let error = #expect(throws: ValidationError.self) { try choice.key(in: catalogue) }
            #expect(error?.errors.map(\.field).contains(field) == true, "\(choice)")
        }
    }

    @Test func aPointOffTheCatalogueIsRefused() {
        let error = #expect(throws: ValidationError.self) { try NeedleChoice(point: "BL99", side: .left).key(in: catalogue) }
        #expect(error?.errors.first?.field == "point")
        #expect(error?.errors.first?.rule.contains("not in the point catalogue") == true)
    }

    @Test func theSideMustSuitThePoint() {
        for choice in [NeedleChoice(point: "BL23"), NeedleChoice(point: "BL23", side: .midline), NeedleChoice(point: "GV4", side: .left)] {
            let error = #expect(throws: ValidationError.self) { try choice.key(in: catalogue) }
            #expect(error?.errors.map(\.field) == ["side"])
        }
    }

    @Test func aPointWithTwoSitesNeedsTheSite() throws {
        #expect(try NeedleChoice(point: "EX-UE7", side: .right, site: 2).key(in: catalogue) == NeedleKey(point: "EX-UE7", side: .right, site: 2))
        let error = #expect(throws: ValidationError.self) { try NeedleChoice(point: "EX-UE7", side: .right).key(in: catalogue) }
        #expect(error?.errors.map(\.field) == ["site"])
    }

}
