import Testing

@testable import AcubackCore

@Suite struct SpinalLevelTests {
    @Test func levelsAreOrderedFromTheNeckDown() {
        #expect(SpinalLevel.C7 < .T1)
        #expect(SpinalLevel.T12 < .L1)
        #expect(SpinalLevel.L5 < .S1)
        #expect(SpinalLevel.allCases.sorted() == SpinalLevel.allCases)
    }

    @Test(arguments: [
        (SpinalLevel.C7, BackRegion.upper), (.T1, .upper), (.T6, .upper), (.T7, .middle), (.T12, .middle),
        (.L1, .lower), (.L5, .lower), (.S4, .lower),
    ])
    func eachLevelBelongsToOneRegion(level: SpinalLevel, region: BackRegion) {
        #expect(level.region == region)
    }

    @Test func advancingStopsAtTheEnds() {
        #expect(SpinalLevel.T1.advanced(by: -5) == .C7)
        #expect(SpinalLevel.S3.advanced(by: 4) == .S4)
        #expect(SpinalLevel.L4.advanced(by: 1) == .L5)
    }

    @Test func theRegionsCoverTheBackWithoutGapsOrOverlap() {
        for level in SpinalLevel.allCases where level != .C7 {
            #expect(BackRegion.allCases.filter { $0.levels.contains(level) }.count == 1, "\(level)")
        }
    }
}
