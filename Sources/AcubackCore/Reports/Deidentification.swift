import Foundation

/// The rules a research export follows to keep patients from being recognised: pseudonyms that
/// differ from export to export, every date of a patient moved by the same random number of days,
/// ages instead of birth dates with the oldest grouped, and no names, contact details or free text.
public struct Deidentification: Sendable {
    /// Days a patient's dates move: between 1 and `maximumShift` days, earlier or later.
    public static let maximumShift = 180
    /// Ages from this one up are written as "90+".
    public static let oldestAge = 90

    private var pseudonyms: [UUID: String] = [:]
    private var shifts: [UUID: Int] = [:]
    private let prefix: String

    /// `order` fixes which patient gets which number; pass a shuffled list so the numbers say
    /// nothing about when patients registered.
    public init(prefix: String = "P", order: [UUID], shifts: [UUID: Int]) {
        self.prefix = prefix
        let width = max(4, String(order.count).count)
        for (index, id) in order.enumerated() {
            pseudonyms[id] = prefix + String(repeating: "0", count: width - String(index + 1).count) + String(index + 1)
        }
        self.shifts = shifts
    }

    /// Pseudonyms in a random order and a random shift for each patient.
    public static func random<G: RandomNumberGenerator>(for ids: [UUID], prefix: String = "P", using generator: inout G) -> Deidentification {
        var shifts: [UUID: Int] = [:]
        for id in ids {
            let days = Int.random(in: 1...maximumShift, using: &generator)
            shifts[id] = Bool.random(using: &generator) ? days : -days
        }
        return Deidentification(prefix: prefix, order: ids.shuffled(using: &generator), shifts: shifts)
    }

    public func pseudonym(_ id: UUID) -> String { pseudonyms[id] ?? prefix + "?" }

    public func shift(of id: UUID) -> Int { shifts[id] ?? 0 }

    /// The patient's date moved by their shift, as a calendar day in `zone`.
    public func date(_ date: Date, of id: UUID, in zone: TimeZone) -> String {
        CalendarDay(date, in: zone).adding(days: shift(of: id)).description
    }

    /// Whole years from the birth date to `date`; "90+" from the oldest age up.
    public static func age(birthDate: String, at date: Date, in zone: TimeZone) -> String {
        guard let birth = CalendarDay(birthDate) else { return "" }
        let day = CalendarDay(date, in: zone)
        var years = day.year - birth.year
        if (day.month, day.day) < (birth.month, birth.day) { years -= 1 }
        return years >= oldestAge ? "\(oldestAge)+" : String(max(0, years))
    }
}
