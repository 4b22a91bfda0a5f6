import Testing

@testable import AcubackCore

@Suite struct PointCatalogueTests {
    let catalogue = PointCatalogue.standard

    static let meridianCounts: [Meridian: Int] = [
        .LU: 11, .LI: 20, .ST: 45, .SP: 21, .HT: 9, .SI: 19, .BL: 67, .KI: 27, .PC: 9, .TE: 23, .GB: 44, .LR: 14,
        .GV: 28, .CV: 24,
    ]

    @Test func holdsAll361WHOStandardPointsOnce() {
        let who = catalogue.points.filter { $0.kind == .standard }
        #expect(who.count == 361)
        #expect(Set(who.map(\.code)).count == 361)
        for (meridian, count) in Self.meridianCounts {
            let codes = who.filter { $0.meridian == meridian }.map(\.code)
            #expect(codes == (1...count).map { "\(meridian.rawValue)\($0)" }, "\(meridian)")
        }
    }

    @Test func everyPointHasItsNamesAndASource() {
        for point in catalogue.points {
            #expect(!point.pinyin.isEmpty && !point.hanzi.isEmpty && !point.english.isEmpty, "\(point.code)")
            #expect(ClinicalSources.source(id: point.source) != nil, "\(point.code)")
        }
        #expect(catalogue.point("BL23")?.source == "WHO2008")
        #expect(catalogue.point("AH9")?.source == "GBT13734")
    }

    @Test func holdsTheExtraPointsTheEngineUses() {
        let jiaji = catalogue.points(matching: "EX-B2")
        #expect(jiaji.map(\.code) == SpinalLevel.allCases.filter { (.T1 ... .L5).contains($0) }.map { "EX-B2-\($0.rawValue)" })
        for code in ["EX-B7", "EX-B8", "EX-UE7"] { #expect(catalogue.point(code)?.kind == .extra, "\(code)") }
        #expect(catalogue.point("EX-UE7")?.needling?.chart.count == 2, "two points on each hand")
    }

    @Test func holdsTheEarPointsOfTheClinicalReference() {
        let ear = catalogue.points.filter { $0.kind == .auricular }.map(\.code)
        #expect(Set(ear) == ["AH9", "AH11", "AH5", "AH6", "AH6a", "TF4", "CO10", "AT4", "P1"])
    }

    @Test(arguments: [
        ("UB23", "BL23"), ("ub-23", "BL23"), ("Du4", "GV4"), ("Ren6", "CV6"), ("Liv3", "LR3"), ("LV3", "LR3"),
        ("SJ5", "TE5"), ("TW5", "TE5"), ("bl 23", "BL23"), ("ex b2 l4", "EX-B2-L4"), ("EX-B2-L4", "EX-B2-L4"),
        ("gb21", "GB21"), ("ah6a", "AH6a"),
    ])
    func acceptsCodesAndAliases(query: String, code: String) {
        #expect(catalogue.point(query)?.code == code)
    }

    @Test(arguments: ["BL68", "XX1", "", "UB", "EX-B2-S1", "LU0"])
    func unknownCodesFindNothing(query: String) {
        #expect(catalogue.point(query) == nil)
    }

    @Test func looksUpByRegionLevelAndMeridian() {
        let lower = catalogue.points(region: .lower)
        #expect(lower.contains { $0.code == "BL23" } && lower.contains { $0.code == "GB30" })
        #expect(!lower.contains { $0.code == "BL13" })
        #expect(Set(catalogue.points(level: .L2).map(\.code)) == ["GV4", "BL23", "BL52", "EX-B2-L2"])
        #expect(catalogue.points(meridian: .GV).count == 28)
        #expect(catalogue.points(region: .ear).count == 9)
        #expect(catalogue.points(region: .upper, meridian: .SI).map(\.code) == ["SI11", "SI12", "SI13", "SI14", "SI15"])
    }

    /// The level table of CLINICAL.md §2: level, midline, inner and outer bladder line.
    static let levelTable: [(SpinalLevel, String?, String?, String?)] = [
        (.T1, "GV13", "BL11", nil), (.T3, "GV12", "BL13", "BL42"), (.T8, nil, nil, nil),
        (.T10, "GV7", "BL19", "BL48"), (.L2, "GV4", "BL23", "BL52"), (.L3, nil, "BL24", nil), (.L4, "GV3", "BL25", "EX-B7"),
        (.S1, nil, "BL27", nil),
    ]

    @Test(arguments: levelTable)
    func followsTheLevelTable(level: SpinalLevel, midline: String?, inner: String?, outer: String?) {
        let midlinePoint = catalogue.backPoint(line: .midline, level: level)
        #expect(midlinePoint == midline || (level == .L5 && midlinePoint == "EX-B8"))
        #expect(catalogue.backPoint(line: .innerBladder, level: level) == inner)
        #expect(catalogue.backPoint(line: .outerBladder, level: level) == outer)
    }

    @Test func everyPrescribablePointHasFullData() {
        let prescribable = catalogue.points.filter(\.isPrescribable)
        #expect(prescribable.count >= 100)
        for point in prescribable {
            let needling = point.needling!
            #expect(needling.location.count > 20, "\(point.code) location")
            #expect(needling.depthMm.min > 0 && needling.depthMm.min <= needling.depthMm.max, "\(point.code) depth")
            #expect(!needling.chart.isEmpty, "\(point.code) chart")
            #expect(!needling.sources.isEmpty, "\(point.code) sources")
            for source in needling.sources { #expect(ClinicalSources.source(id: source) != nil, "\(point.code) cites \(source)") }
            for alternative in needling.alternatives {
                #expect(catalogue.point(alternative)?.isPrescribable == true, "\(point.code) → \(alternative)")
            }
            let isBack = [BodyArea.upperBack, .middleBack, .lowerBack].contains(needling.area)
            if isBack, point.code != "SI11", point.code != "SI12", point.code != "SI13", point.kind != .auricular {
                #expect(needling.level != nil, "\(point.code) level")
            }
        }
    }

    @Test func everyPointAnyPlanUsesHasFullData() throws {
        let engine = PrescriptionEngine()
        for assessment in AssessmentMatrix.all {
            for needle in try engine.plan(for: assessment).needles {
                #expect(catalogue.point(needle.point)?.isPrescribable == true, "\(needle.point)")
            }
        }
    }

    @Test func chartPositionsLieOnTheirCharts() {
        let bounds: [ChartPosition.View: (Double, Double)] = [.back: (300, 700), .ear: (100, 160), .foot: (100, 160), .hand: (100, 160)]
        for point in catalogue.points {
            for position in point.needling?.chart ?? [] {
                let (width, height) = bounds[position.view]!
                #expect((0...width).contains(position.x) && (0...height).contains(position.y), "\(point.code)")
                if point.needling?.bilateral == false, position.view == .back { #expect(position.x == 150, "\(point.code) midline") }
            }
        }
    }

    @Test func theLungZoneCoversTheThoracicBackAndTheShoulder() {
        for point in catalogue.points {
            guard let needling = point.needling, let level = needling.level else { continue }
            let thoracic = (SpinalLevel.T1 ... .T12).contains(level)
            let offMidline = needling.line == .innerBladder || needling.line == .outerBladder || needling.line == .jiaji
            if thoracic && offMidline { #expect(needling.lies(in: .lung), "\(point.code) over the lung") }
            if !thoracic && offMidline && needling.area != .upperBack { #expect(!needling.lies(in: .lung), "\(point.code)") }
        }
        for code in ["GB21", "SI11", "SI12", "SI13", "SI14", "SI15"] {
            #expect(catalogue.point(code)?.needling?.lies(in: .lung) == true, "\(code)")
        }
        #expect(catalogue.point("BL52")?.needling?.lies(in: .kidney) == true)
        for code in ["LI4", "SP6", "BL60", "BL67"] {
            #expect(catalogue.point(code)?.needling?.lies(in: .pregnancyForbidden) == true, "\(code)")
        }
    }

    @Test func locationsAgreeWithWHO2008WhereTheyHadDrifted() throws {
        let catalogue = PointCatalogue.standard
        for (code, foramen) in [("BL27", "first"), ("BL28", "second"), ("BL29", "third"), ("BL30", "fourth")] {
            let text = try #require(catalogue.point(code)?.needling?.location)
            #expect(text.contains("level with the \(foramen) posterior sacral foramen") && !text.contains("lower border of the sacrum"), "\(code)")
        }
        #expect(catalogue.point("EX-B7")?.needling?.location.contains("lower border of the spinous process of L4") == true)
        #expect(catalogue.point("BL57")?.needling?.location.contains("Achilles tendon meets the two bellies") == true)
        #expect(catalogue.point("LR3")?.needling?.location.contains("in front of where their bases join") == true)
    }

    @Test func extraPointsCiteTheirOwnSourceNotWHO2008() {
        let extras = PointCatalogue.standard.points.filter { $0.code.hasPrefix("EX-") && $0.isPrescribable }
        #expect(!extras.isEmpty)
        for point in extras {
            #expect(point.needling?.sources.contains("WHO2008") == false, "\(point.code)")
            #expect(point.needling?.sources.contains("WHO1991") == true, "\(point.code)")
        }
    }
}
