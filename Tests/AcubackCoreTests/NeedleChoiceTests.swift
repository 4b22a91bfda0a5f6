import Testing

@testable import AcubackCore

@Suite struct NeedleChoiceTests {
    let catalogue = PointCatalogue.standard

    @Test func anAliasBecomesTheCataloguesCode() throws {
        #expect(try NeedleChoice(point: "UB23", side: .left).key(in: catalogue) == NeedleKey(point: "BL23", side: .left))
        #expect(try NeedleChoice(point: "Du4").key(in: catalogue) == NeedleKey(point: "GV4", side: .midline))
    }

    @Test func anExtraNeedleNeedsItsLocation() throws {
        #expect(try NeedleChoice(location: " left of L3 ").key(in: catalogue) == NeedleKey(extraAt: "left of L3"))
        let error = #expect(throws: ValidationError.self) { try NeedleChoice(location: "  ").key(in: catalogue) }
        #expect(error?.errors.map(\.field) == ["point"])
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

    @Test func depthIsCappedByThePlanThenTheCatalogue() throws {
        let planned = PlannedNeedle(point: "BL13", side: .left, role: .local, maxDepthMm: 12, angle: .obliqueMedial, reason: "", sources: [])
        let session = ChairSession(planned: [planned], timer: RetentionTimer(targetMinutes: 15))
        #expect(session.depthLimit(for: NeedleKey(point: "BL13", side: .left), in: catalogue) == 12)
        let deep = Insertion(key: NeedleKey(point: "BL13", side: .left), at: Chair.start, depthMm: 20, needleType: "0.25 × 40 mm", stimulation: .manual, deQi: true)
        let error = #expect(throws: ValidationError.self) { try session.checkDepth(deep, in: catalogue) }
        #expect(error?.errors.map(\.field) == ["depthMm"])
        let catalogueMax = try #require(catalogue.point("BL40")?.needling?.depthMm.max)
        #expect(session.depthLimit(for: NeedleKey(point: "BL40", side: .right), in: catalogue) == catalogueMax)
        #expect(session.depthLimit(for: NeedleKey(extraAt: "left of L3"), in: catalogue) == 100)
    }
}
