import AcubackCore
import Testing

@testable import AcubackServer
@testable import AcubackServices

/// The chart's tap zones, where the chair places a tender point: every tap gives a spot the rules
/// accept, and the spot under a catalogue point is that point's own part of the body, side and level.
@Suite struct BackChartTests {
    @Test func everyZoneIsASpotATenderPointMayBePlaced() throws {
        for zone in BackChart.zones {
            let location = BodyLocation(area: zone.area, level: zone.level, side: zone.side, note: "tapped")
            #expect(throws: Never.self, "\(zone)") { try location.validate() }
        }
    }

    @Test func noTwoZonesOverlap() {
        for (index, zone) in BackChart.zones.enumerated() {
            for other in BackChart.zones[(index + 1)...] {
                let apart = zone.x + zone.width <= other.x || other.x + other.width <= zone.x
                    || zone.y + zone.height <= other.y || other.y + other.height <= zone.y
                #expect(apart, "\(zone) overlaps \(other)")
            }
        }
    }

    /// The zone under each catalogue point on the figure: the same side, the same part of the body
    /// (C7, on the shoulders, counts as the neck for a tender point), and the point's spinal level;
    /// the scapular points are drawn where the scapula is, so within one level of theirs.
    @Test func theZoneUnderACataloguePointIsThatPointsSpot() throws {
        let chart = BackChart(plan: try PrescriptionEngine().plan(for: Assessment(regions: [.lower], side: .both, onset: .chronic)),
                              painfulRegions: [], catalogue: .standard)
        var checked = 0
        for point in PointCatalogue.standard.points {
            guard let needling = point.needling, let position = needling.chart.first else { continue }
            let sides: [NeedleSide] = point.meridian?.isMidline == true || !needling.bilateral ? [.midline] : [.left, .right]
            for side in sides {
                let (x, y) = chart.place(position, side: side)
                let zone = try #require(BackChart.zone(atX: x, y: y), "\(point.code) \(side) at \(x), \(y) is in no zone")
                let context = "\(point.code) \(side): \(zone)"
                #expect(zone.side == side || (side == .midline && zone.area == .head), "\(context)")
                let area = needling.level == .C7 ? BodyArea.neck : needling.area
                #expect(zone.area == area, "\(context)")
                if let level = needling.level {
                    let paraspinal = ["BL", "GV", "EX-B2"].contains { point.code.hasPrefix($0) }
                    let distance = abs((zone.level?.ordinal ?? -9) - level.ordinal)
                    #expect(paraspinal ? distance == 0 : distance <= 1, "\(context)")
                }
                checked += 1
            }
        }
        #expect(checked > 150)
    }
}

/// At the chair the ear points are tapped on a zoomed pair of ears, never on the crowded inset.
@Suite struct BackChartEarZoomTests {
    let plan = try! PrescriptionEngine().plan(for: Assessment(regions: [.lower], side: .both, onset: .chronic))

    func chart(states: [String: String]?) -> BackChart {
        BackChart(plan: plan, painfulRegions: [.lower], catalogue: .standard, states: states)
    }

    var earKeys: [String] {
        plan.needles.filter { $0.role == .auricular }.map(\.key)
    }

    @Test func theZoomAloneTakesTapsOnEarPoints() throws {
        try #require(!earKeys.isEmpty, "the standard plan has ear points")
        let states = Dictionary(uniqueKeysWithValues: plan.needles.map { ($0.key, "waiting") })
        let atChair = chart(states: states)
        let main = atChair.render()
        let zoom = try #require(atChair.earZoom())
        for key in earKeys {
            #expect(!main.contains("data-key=\"\(key)\""), "\(key) is no control on the inset")
            #expect(zoom.contains("data-key=\"\(key)\" data-state=\"waiting\""), "\(key) is a control on the zoom")
        }
        #expect(main.contains("role-auricular state-waiting\" aria-hidden=\"true\""), "the inset still shows them")
        #expect(chart(states: nil).earZoom() == nil, "the plan page has no zoom")
    }

    /// Ear points a fingertip apart on the zoom: the centres are at least a 44-pixel target apart
    /// (24 units each side, the chart drawn at least 0.9 px a unit up to its 30 rem width), where
    /// on the inset they crowd within a fingertip.
    @Test func earPointsStandApartOnTheZoom() throws {
        let chart = chart(states: [:])
        let ears = chart.earNeedles
        try #require(ears.count >= 2)
        func nearest(_ place: (ChartPosition, NeedleSide) -> (Double, Double)) -> Double {
            var best = Double.infinity
            for (index, first) in ears.enumerated() {
                for second in ears[(index + 1)...] {
                    let (x1, y1) = place(first.position, first.side)
                    let (x2, y2) = place(second.position, second.side)
                    best = min(best, ((x1 - x2) * (x1 - x2) + (y1 - y2) * (y1 - y2)).squareRoot())
                }
            }
            return best
        }
        let onZoom = nearest { chart.earZoomPlace($0, side: $1) }
        let onInset = nearest { chart.place($0, side: $1) }
        #expect(onZoom >= 3 * onInset)
        #expect(onZoom >= 24, "nearest ear points \(onZoom) units apart on the zoom")
    }
}

/// At the chair the sore part of the back is drawn again, larger, and takes the taps on its needles.
@Suite struct BackChartBackZoomTests {
    let plan = try! PrescriptionEngine().plan(for: Assessment(regions: [.lower], side: .both, onset: .chronic))

    @Test func theEnlargedBackAloneTakesTapsOnTheNeedlesItShows() throws {
        let states = Dictionary(uniqueKeysWithValues: plan.needles.map { ($0.key, "waiting") })
        let chart = BackChart(plan: plan, painfulRegions: [.lower], catalogue: .standard, states: states)
        let box = try #require(chart.zoomBox)
        let zoom = try #require(chart.backZoom())
        let main = chart.render()
        let nearSpine = plan.needles.filter { $0.role == .local || $0.role == .adjacent }
        try #require(!nearSpine.isEmpty)
        for needle in nearSpine {
            #expect(zoom.contains("data-key=\"\(needle.key)\""), "\(needle.key) is a control on the enlarged back")
            #expect(!main.contains("data-key=\"\(needle.key)\""), "\(needle.key) is drawn on the whole chart for orientation only")
        }
        // Magnified at least three times against the whole chart's width.
        #expect(BackChart.width / box.width >= 3)
        #expect(BackChart(plan: plan, painfulRegions: [.lower], catalogue: .standard).zoomBox == nil, "the plan page has no zoom")
    }
}
