import Foundation
import Testing

@testable import AcubackCore

@Suite struct DeidentificationTests {
    let london = TimeZone(identifier: "Europe/London")!

    @Test func agesAreWholeYearsWithTheOldestGrouped() {
        let day = CalendarDay("2026-03-10")!.start(in: london).addingTimeInterval(12 * 3600)
        #expect(Deidentification.age(birthDate: "1970-03-10", at: day, in: london) == "56")
        #expect(Deidentification.age(birthDate: "1970-03-11", at: day, in: london) == "55", "the birthday is tomorrow")
        #expect(Deidentification.age(birthDate: "1936-03-10", at: day, in: london) == "90+")
        #expect(Deidentification.age(birthDate: "not a date", at: day, in: london) == "")
    }

    @Test func everyDateOfAPatientMovesByTheSameDays() {
        let a = UUID(), b = UUID()
        let rules = Deidentification(order: [b, a], shifts: [a: 10, b: -3])
        #expect(rules.pseudonym(b) == "P0001" && rules.pseudonym(a) == "P0002")
        let first = CalendarDay("2026-01-30")!.start(in: london).addingTimeInterval(3600)
        #expect(rules.date(first, of: a, in: london) == "2026-02-09")
        #expect(rules.date(first.addingTimeInterval(7 * 86_400), of: a, in: london) == "2026-02-16")
        #expect(rules.date(first, of: b, in: london) == "2026-01-27")
    }

    @Test func randomRulesShiftEveryoneByOneToOneHundredEightyDays() {
        var generator = SystemRandomNumberGenerator()
        let ids = (0..<500).map { _ in UUID() }
        let rules = Deidentification.random(for: ids, using: &generator)
        let shifts = ids.map(rules.shift(of:))
        #expect(shifts.allSatisfy { $0 != 0 && abs($0) <= Deidentification.maximumShift })
        #expect(shifts.contains { $0 < 0 } && shifts.contains { $0 > 0 })
        #expect(Set(ids.map(rules.pseudonym)).count == ids.count)
    }

    @Test func csvQuotesTextAndDefusesFormulas() {
        #expect(CSV.table(header: ["a", "b", "c"], rows: [["=SUM(A1)", "3.5", ""], ["say \"hi\"", "-2", "x"]])
            == "a,b,c\r\n\"'=SUM(A1)\",3.5,\r\n\"say \"\"hi\"\"\",-2,\"x\"\r\n")
    }
}
