import Foundation
import Testing

@testable import AcubackCore

@Suite struct StrictaNeedlingTests {
    @Test func fillsItemTwoFromTheLedger() throws {
        let keys = [NeedleKey.bl23(.left), .bl23(.right), NeedleKey(point: "GV4", side: .midline), NeedleKey(point: "BL40", side: .left)]
        var session = ChairSession(planned: Chair.planned(keys), timer: RetentionTimer(targetMinutes: 15))
        try session.record(Chair.insert(keys[0], at: 0, depth: 25))
        try session.record(Chair.insert(keys[1], at: 1, depth: 25))
        try session.record(Chair.insert(keys[2], at: 2, depth: 15, deQi: false))
        try session.record(Chair.insert(NeedleKey(extraAt: "left of L3"), at: 2.5, depth: 10, type: "0.20 × 25 mm, steel"))
        try session.record(Chair.insert(keys[3], at: 3, depth: 30, stimulation: .electrical))
        try session.record(.removedAll(count: 5, at: Chair.minutes(19)))
        let stricta = StrictaNeedling(session: session)
        #expect(stricta.insertions == 5)
        #expect(stricta.points == ["BL23 (both sides)", "GV4 (midline)", "extra needle (left of L3)", "BL40 (left side)"])
        #expect(stricta.depthMm == .init(min: 10, max: 30, mean: 21))
        #expect(stricta.responseSought == "de qi, obtained at 4 of 5 insertions")
        #expect(stricta.stimulation == [.manual, .electrical])
        #expect(stricta.retentionMinutes == 16)
        #expect(stricta.needleTypes == ["0.25 × 40 mm, steel", "0.20 × 25 mm, steel"])
    }

    @Test func anEmptySessionHasNoDepthOrRetention() {
        let stricta = StrictaNeedling(session: ChairSession(planned: [], timer: RetentionTimer(targetMinutes: 15)))
        #expect(stricta.insertions == 0)
        #expect(stricta.depthMm == nil)
        #expect(stricta.retentionMinutes == nil)
    }
}
