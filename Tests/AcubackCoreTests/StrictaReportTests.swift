import Foundation
import Testing

@testable import AcubackCore

@Suite struct StrictaReportTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    func session(_ plan: TreatmentPlan, day: Double, depth: Int, extra: Bool = false, retention: Double = 20) throws -> StrictaReport.Session {
        let begin = start.addingTimeInterval(day * 86_400)
        var events: [NeedleEvent] = plan.needles.enumerated().map { index, needle in
            .inserted(Insertion(key: NeedleKey(point: needle.point, side: needle.side, site: needle.site), at: begin.addingTimeInterval(Double(index) * 10),
                                depthMm: min(depth, needle.maxDepthMm), needleType: "0.25 × 40 mm, steel", stimulation: .manual, deQi: index % 2 == 0))
        }
        if extra {
            // Before the planned needles, so the timer still starts with the last of them.
            events.insert(.inserted(Insertion(key: NeedleKey(extraAt: "left buttock"), at: begin.addingTimeInterval(-60), depthMm: depth,
                                              needleType: "0.30 × 50 mm, steel", stimulation: .manual, deQi: false)), at: 0)
        }
        let lastIn = events.map(\.at).max()!
        events.append(.removedAll(count: events.count, at: lastIn.addingTimeInterval(retention * 60)))
        var chair = ChairSession(planned: plan.needles, timer: RetentionTimer(targetMinutes: 20))
        for event in events { try chair.record(event) }
        return StrictaReport.Session(chair: chair, plan: plan, position: .prone, startedAt: begin, closedAt: lastIn.addingTimeInterval(retention * 60 + 60),
                                     adviceGiven: true)
    }

    @Test func aCourseReportFillsEveryItemFromTheRecords() throws {
        let plan = try PrescriptionEngine().plan(for: Assessment(regions: [.lower], side: .both, onset: .chronic))
        let n = plan.needleCount
        let sessions = [try session(plan, day: 0, depth: 10, retention: 15), try session(plan, day: 3, depth: 20, extra: true, retention: 20)]
        let practitioner = StrictaReport.Practitioner(
            name: "Mei Lin Chen", profession: "Licensed acupuncturist", practisingSince: 2009,
            certificates: [Certificate(issuingBody: "British Acupuncture Council", number: "B-1", validFrom: CalendarDay("2025-01-01")!, validTo: CalendarDay("2027-12-31")!)])
        let report = StrictaReport(course: .cherkin2009, plan: plan, sessions: sessions, practitioners: [practitioner], setting: "Outpatient treatment at C", year: 2027)
        let items = Dictionary(uniqueKeysWithValues: report.items.map { ($0.id, $0) })
        #expect(report.items.map(\.id) == ["1a", "1b", "1c", "2a", "2b", "2c", "2d", "2e", "2f", "2g", "3a", "3b", "4a", "4b", "5", "6"])
        #expect(report.items.allSatisfy { ($0.text == nil) != ($0.notApplicable == nil) }, "each item is filled or marked not applicable")
        #expect(items["1a"]?.text?.contains("Cherkin 2009") == true)
        #expect(items["1c"]?.text == "The same plan for every session; 1 of 2 session(s) departed from it, with 1 extra needle(s) at tender points.")
        #expect(items["2a"]?.text == "mean \(String(format: "%.1f", Double(2 * n + 1) / 2)) (range \(n) to \(n + 1)) insertions")
        #expect(items["2f"]?.text == "mean 17.5 (range 15 to 20) minutes")
        #expect(items["2g"]?.text == "0.25 × 40 mm, steel; 0.30 × 50 mm, steel")
        #expect(items["3a"]?.text == "10 planned (Cherkin 2009); 2 held so far.")
        #expect(items["5"]?.text?.contains("18 years in practice") == true)
        #expect(items["6"]?.notApplicable != nil)
    }

    @Test func beforeAnySessionTheNeedlingItemsSaySo() throws {
        let plan = try PrescriptionEngine().plan(for: Assessment(regions: [.lower], side: .both, onset: .chronic))
        let report = StrictaReport(course: .gerac, plan: plan, sessions: [], practitioners: [], setting: "C", year: 2027)
        let needling = report.items.filter { $0.id.hasPrefix("2") }
        #expect(needling.count == 7 && needling.allSatisfy { $0.notApplicable == "No closed session yet." })
        #expect(report.items.first { $0.id == "5" }?.notApplicable == "No practitioner recorded.")
    }

    @Test func anOverriddenPregnancyRuleIsReportedWithItsReason() throws {
        let plan = try PrescriptionEngine().plan(for: Assessment(regions: [.lower], side: .both, onset: .chronic, patient: RiskFactors(pregnancyWeek: 20, bmi: 24)))
        var held = try session(plan, day: 0, depth: 5)
        var chair = ChairSession(planned: plan.needles, ledger: NeedleLedger(), timer: RetentionTimer(targetMinutes: 20))
        for event in held.chair.ledger.events { try chair.record(event) }
        try chair.record(.inserted(Insertion(
            key: NeedleKey(point: "SP6", side: .left), at: start, depthMm: 5, needleType: "0.20 × 25 mm, steel", stimulation: .manual, deQi: false,
            override: SafetyOverride(findings: ["pregnancy.forbidden-point:SP6"], reason: "Post-dates, agreed with the midwife"))))
        try chair.record(.removed(NeedleKey(point: "SP6", side: .left), at: start.addingTimeInterval(1500)))
        held = StrictaReport.Session(chair: chair, plan: plan, position: .seated, startedAt: start, closedAt: start.addingTimeInterval(1800), adviceGiven: true)
        let report = StrictaReport(course: .cherkin2009, plan: plan, sessions: [held], practitioners: [], setting: "C", year: 2027)
        let varied = try #require(report.items.first { $0.id == "1c" }?.text)
        #expect(varied.contains("1 needle(s) went against a pregnancy rule"))
        #expect(varied.contains("SP6 left (pregnancy.forbidden-point:SP6), because \"Post-dates, agreed with the midwife\""))
    }

    @Test func otherComponentsComeFromWhatEachSessionRecorded() throws {
        let plan = try PrescriptionEngine().plan(for: Assessment(regions: [.lower], side: .both, onset: .chronic))
        let plain = try session(plan, day: 0, depth: 10)
        let cupped = try session(plan, day: 3, depth: 10)
        let with = StrictaReport.Session(
            chair: cupped.chair, plan: plan, position: .prone, startedAt: cupped.startedAt, closedAt: cupped.closedAt, adviceGiven: true,
            adjuncts: [SessionAdjunct(kind: .cupping, detail: "4 cups beside L3-L5, 5 minutes"), SessionAdjunct(kind: .exercises, detail: "Pelvic tilts")])
        let report = StrictaReport(course: .cherkin2009, plan: plan, sessions: [plain, with], practitioners: [], setting: "C", year: 2027)
        let items = Dictionary(uniqueKeysWithValues: report.items.map { ($0.id, $0.text ?? "") })
        #expect(items["4a"] == "Cupping at 1 of 2 session(s) (4 cups beside L3-L5, 5 minutes).")
        #expect(items["4b"]?.hasSuffix("Also: Exercises at 1 of 2 session(s) (Pelvic tilts).") == true)
        let none = StrictaReport(course: .cherkin2009, plan: plan, sessions: [plain], practitioners: [], setting: "C", year: 2027)
        #expect(none.items.first { $0.id == "4a" }?.text == "None recorded besides acupuncture.")
    }

    @Test func anAdjunctNeedsWhatWasDoneAndEachKindOnce() {
        let chair = ChairSession(planned: [], timer: RetentionTimer(targetMinutes: 20))
        let empty = SessionClosing(painAfter: 2, adjuncts: [SessionAdjunct(kind: .moxibustion, detail: "")])
        #expect(throws: ValidationError.self) { try chair.validate(empty) }
        let twice = SessionClosing(painAfter: 2, adjuncts: [SessionAdjunct(kind: .advice, detail: "a"), SessionAdjunct(kind: .advice, detail: "b")])
        #expect(throws: ValidationError.self) { try chair.validate(twice) }
        #expect(throws: Never.self) { try chair.validate(SessionClosing(painAfter: 2, adjuncts: [SessionAdjunct(kind: .heatLamp, detail: "Lamp over the low back")])) }
    }
}
