import AcubackCore
import Foundation
import Testing

/// Which entry a freed time is offered to, and in which order.
@Suite struct WaitlistMatchTests {
    static let zone = TimeZone(identifier: "Europe/London")!
    static let mei = UUID()
    static let tom = UUID()
    /// Wednesday 2 December 2026, 10:00 in London (GMT).
    static let wednesdayTen = Date(timeIntervalSince1970: 1_796_205_600)
    static let now = wednesdayTen.addingTimeInterval(-2 * 86_400)

    static func minutes(_ kind: AppointmentKind) -> Int { kind == .consultation ? 60 : 45 }

    static func request(
        _ kind: AppointmentKind = .treatment, practitioner: UUID? = nil, weekdays: Set<Int> = [1, 2, 3, 4, 5], from: Int = 9 * 60, to: Int = 12 * 60,
        first: String = "2026-12-01", last: String = "2026-12-31"
    ) -> WaitlistRequest {
        WaitlistRequest(
            kind: kind, practitionerID: practitioner, weekdays: weekdays, from: from, to: to, firstDay: CalendarDay(first)!, lastDay: CalendarDay(last)!)
    }

    static func entry(_ request: WaitlistRequest, joined minutesAgo: Double, patient: UUID = UUID()) -> WaitingEntry {
        WaitingEntry(id: UUID(), patientID: patient, joinedAt: now.addingTimeInterval(-minutesAgo * 60), request: request)
    }

    func first(_ entries: [WaitingEntry], freed: FreedTime = FreedTime(practitionerID: mei, start: wednesdayTen, minutes: 45),
               skipping: Set<UUID> = [], excluding: UUID? = nil) -> WaitingEntry? {
        WaitlistMatch.first(for: freed, among: entries, skipping: skipping, excludingPatient: excluding, minutes: Self.minutes, zone: Self.zone, now: Self.now)
    }

    @Test func theOldestMatchingEntryIsOfferedFirst() {
        let newer = Self.entry(Self.request(), joined: 10)
        let older = Self.entry(Self.request(), joined: 600)
        let oldestButElsewhere = Self.entry(Self.request(weekdays: [1]), joined: 9000)
        #expect(first([newer, oldestButElsewhere, older])?.id == older.id)
    }

    @Test func theNextIsOfferedWhenTheFirstLetItPass() {
        let older = Self.entry(Self.request(), joined: 600)
        let newer = Self.entry(Self.request(), joined: 10)
        #expect(first([older, newer], skipping: [older.id])?.id == newer.id)
        #expect(first([older, newer], skipping: [older.id, newer.id]) == nil)
    }

    @Test func aPractitionerNamedMustBeTheOneFreed() {
        let withTom = Self.entry(Self.request(practitioner: Self.tom), joined: 600)
        let withMei = Self.entry(Self.request(practitioner: Self.mei), joined: 300)
        let anyone = Self.entry(Self.request(), joined: 10)
        #expect(first([withTom, withMei, anyone])?.id == withMei.id)
        #expect(first([withTom, anyone])?.id == anyone.id)
    }

    @Test func theVisitMustFitTheTimesOfDayAndTheFreedStretch() {
        // Ends 10:45: not before 10:30.
        #expect(first([Self.entry(Self.request(to: 10 * 60 + 30), joined: 5)]) == nil)
        #expect(first([Self.entry(Self.request(from: 10 * 60 + 15), joined: 5)]) == nil)
        #expect(first([Self.entry(Self.request(from: 10 * 60, to: 10 * 60 + 45), joined: 5)]) != nil)
        // A 60-minute consultation does not fit in a freed 45-minute treatment.
        #expect(first([Self.entry(Self.request(.consultation), joined: 5)]) == nil)
        let long = FreedTime(practitionerID: Self.mei, start: Self.wednesdayTen, minutes: 60)
        #expect(first([Self.entry(Self.request(.consultation), joined: 5)], freed: long) != nil)
    }

    @Test func theDayMustBeAWeekdayChosenWithinTheDates() {
        #expect(first([Self.entry(Self.request(weekdays: [3]), joined: 5)]) != nil)
        #expect(first([Self.entry(Self.request(weekdays: [1, 2, 4, 5]), joined: 5)]) == nil)
        #expect(first([Self.entry(Self.request(first: "2026-12-03"), joined: 5)]) == nil)
        #expect(first([Self.entry(Self.request(last: "2026-12-01"), joined: 5)]) == nil)
        #expect(first([Self.entry(Self.request(first: "2026-12-02", last: "2026-12-02"), joined: 5)]) != nil)
    }

    @Test func thePatientWhoseVisitFreedTheTimeAndPastTimesAreNeverOffered() {
        let patient = UUID()
        let own = Self.entry(Self.request(), joined: 600, patient: patient)
        let other = Self.entry(Self.request(), joined: 5)
        #expect(first([own, other], excluding: patient)?.id == other.id)
        let past = FreedTime(practitionerID: Self.mei, start: Self.now.addingTimeInterval(-60), minutes: 45)
        #expect(first([other], freed: past) == nil)
    }

    @Test func theOfferWindowIsChecked() {
        #expect(throws: Never.self) { try WaitlistSettings(offerMinutes: 120).validate() }
        #expect(throws: ValidationError.self) { try WaitlistSettings(offerMinutes: 5).validate() }
        #expect(throws: ValidationError.self) { try WaitlistSettings(offerMinutes: 100_000).validate() }
    }
}
