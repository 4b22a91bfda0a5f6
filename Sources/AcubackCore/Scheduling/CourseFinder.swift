import Foundation

/// A course to book: so many sessions, so many a week, in one or more phases.
public struct CourseRequest: Sendable, Equatable, Codable {
    public var sessions: Int
    /// The most sessions in any one week.
    public var perWeek: Int
    /// The frequency, phase by phase; one phase when the course keeps one pace.
    public var phases: [RegimenPhase]
    public var kind: AppointmentKind
    public var earliest: Date
    /// How far ahead to look, in weeks.
    public var horizonWeeks: Int
    public var preferredPractitionerID: UUID?

    public init(sessions: Int, perWeek: Int, kind: AppointmentKind = .treatment, earliest: Date, horizonWeeks: Int = 12, preferredPractitionerID: UUID? = nil) {
        self.sessions = sessions
        self.perWeek = perWeek
        self.phases = [RegimenPhase(sessions: sessions, perWeek: perWeek)]
        self.kind = kind
        self.earliest = earliest
        self.horizonWeeks = horizonWeeks
        self.preferredPractitionerID = preferredPractitionerID
    }

    /// A course following a regimen: its sessions, phase by phase.
    public init(regimen: Regimen, kind: AppointmentKind = .treatment, earliest: Date, horizonWeeks: Int? = nil, preferredPractitionerID: UUID? = nil) {
        self.init(sessions: regimen.sessions, perWeek: regimen.peakPerWeek, kind: kind, earliest: earliest,
                  horizonWeeks: horizonWeeks ?? max(12, regimen.weeks + 4), preferredPractitionerID: preferredPractitionerID)
        self.phases = regimen.phases
    }

    public func validate() throws(ValidationError) {
        var errors = FieldErrorCollector()
        errors.check((1...30).contains(sessions), "sessions", "must be from 1 to 30")
        errors.check((1...5).contains(perWeek), "perWeek", "must be from 1 to 5")
        errors.check((1...26).contains(horizonWeeks), "horizonWeeks", "must be from 1 to 26")
        try errors.throwIfAny()
    }

    /// The cap per week and the gap that apply to a session (counted from 0); the gap spreads
    /// two a week over, say, Monday and Thursday.
    func pace(ofSession index: Int) -> (perWeek: Int, gapDays: Int) {
        let phase = Regimen(origin: .clinic, phases: phases).phase(ofSession: index)
        return (phase.perWeek, max(1, 7 / phase.perWeek))
    }
}

/// A series of sessions with one practitioner, ready to book all at once.
public struct ProposedCourse: Sendable, Equatable, Codable {
    public let practitionerID: UUID
    public let slots: [Slot]

    public var finishes: Date? { slots.last?.start }
}

public enum CourseSearchFailure: Error, Sendable, Equatable, CustomStringConvertible {
    case noFit(sessions: Int, perWeek: Int, weeks: Int)

    public var description: String {
        switch self {
        case .noFit(let sessions, let perWeek, let weeks):
            "no certified practitioner has \(sessions) free times, \(perWeek) a week, in the next \(weeks) weeks"
        }
    }
}

/// Finds the earliest series of sessions that fits a practitioner's hours, leave, certificates,
/// the rooms and the existing bookings. The preferred practitioner is kept when they can take the
/// whole course; otherwise the certified practitioner who can finish it earliest.
public struct CourseFinder: Sendable {
    public let finder: SlotFinder

    public init(finder: SlotFinder) {
        self.finder = finder
    }

    public func find(_ request: CourseRequest, practitioners: [PractitionerCalendar], now: Date) -> Result<ProposedCourse, CourseSearchFailure> {
        let minutes = finder.settings.minutes(for: request.kind)
        let ordered = practitioners.sorted { a, b in
            (a.practitionerID == request.preferredPractitionerID ? 0 : 1) < (b.practitionerID == request.preferredPractitionerID ? 0 : 1)
        }
        var best: ProposedCourse?
        for practitioner in ordered {
            guard let course = series(request, minutes: minutes, practitioner: practitioner, now: now) else { continue }
            if practitioner.practitionerID == request.preferredPractitionerID { return .success(course) }
            if best == nil || course.finishes! < best!.finishes! { best = course }
        }
        if let best { return .success(best) }
        return .failure(.noFit(sessions: request.sessions, perWeek: request.perWeek, weeks: request.horizonWeeks))
    }

    /// Greedy earliest-first: each session on the first day with a free time that keeps the gap
    /// after the previous one and the count per week.
    func series(_ request: CourseRequest, minutes: Int, practitioner: PractitionerCalendar, now: Date) -> ProposedCourse? {
        var finder = self.finder
        var practitioner = practitioner
        let zone = finder.settings.zone
        let start = max(request.earliest, now)
        let lastDay = CalendarDay(start, in: zone).adding(days: request.horizonWeeks * 7)
        var day = CalendarDay(start, in: zone)
        var slots: [Slot] = []
        var perWeek: [Int: Int] = [:]
        let end = finder.instant(lastDay, minute: 24 * 60 - 1)
        while slots.count < request.sessions, day <= lastDay {
            let week = Self.weekNumber(day)
            let pace = request.pace(ofSession: slots.count)
            if perWeek[week, default: 0] < pace.perWeek,
               let slot = finder.freeSlots(on: day, for: practitioner, minutes: minutes, after: start, before: end, limit: 1).first {
                slots.append(slot)
                perWeek[week, default: 0] += 1
                finder.take(slot, from: &practitioner)
                day = day.adding(days: request.pace(ofSession: slots.count).gapDays)
            } else {
                day = day.adding(days: 1)
            }
        }
        return slots.count == request.sessions ? ProposedCourse(practitionerID: practitioner.practitionerID, slots: slots) : nil
    }

    /// A number that is the same for every day of one Monday-to-Sunday week.
    static func weekNumber(_ day: CalendarDay) -> Int {
        let daysSinceEpoch = Int(day.start(in: TimeZone(identifier: "UTC")!).timeIntervalSince1970 / 86_400)
        // 1970-01-01 was a Thursday: shift so weeks start on Monday.
        return (daysSinceEpoch + 3) / 7
    }
}
