import Foundation

/// What each clinic decides for itself about bookings.
public struct ClinicSettings: Codable, Sendable, Equatable {
    public var timeZone: String
    public var openingHours: WeeklyHours
    /// Minutes for a first consultation, a treatment and a review.
    public var consultationMinutes: Int
    public var treatmentMinutes: Int
    public var reviewMinutes: Int
    /// Patients may cancel or move a visit until this many hours before it; staff at any time.
    public var noticeHours: Int
    /// The version of the consent text patients agree to.
    public var consentVersion: String
    /// How many first consultations one patient may have booked ahead at a time, so no one fills the diary.
    public var openFirstConsultations: Int
    /// Whether a patient with a plan books their own treatments and reviews online; first
    /// consultations are always open to patients.
    public var patientsBookTreatments: Bool
    /// Name, address and telephone shown to patients.
    public var contact: ClinicContact
    /// Days the clinic is closed on top of its weekly hours, earliest first.
    public var holidays: [ClinicHoliday]

    public static let openFirstConsultationsRange = 1...5

    public init(
        timeZone: String, openingHours: WeeklyHours = .standardClinic, consultationMinutes: Int = 60,
        treatmentMinutes: Int = 45, reviewMinutes: Int = 30, noticeHours: Int = 24, consentVersion: String = "2026-1",
        openFirstConsultations: Int = 1, patientsBookTreatments: Bool = false, contact: ClinicContact = ClinicContact(),
        holidays: [ClinicHoliday] = []
    ) {
        self.timeZone = timeZone
        self.openingHours = openingHours
        self.consultationMinutes = consultationMinutes
        self.treatmentMinutes = treatmentMinutes
        self.reviewMinutes = reviewMinutes
        self.noticeHours = noticeHours
        self.consentVersion = consentVersion
        self.openFirstConsultations = openFirstConsultations
        self.patientsBookTreatments = patientsBookTreatments
        self.contact = contact
        self.holidays = holidays
    }

    public var zone: TimeZone { TimeZone(identifier: timeZone) ?? .gmt }

    public func minutes(for kind: AppointmentKind) -> Int {
        switch kind {
        case .consultation: consultationMinutes
        case .treatment: treatmentMinutes
        case .review: reviewMinutes
        }
    }

    /// A time zone the system knows by this name, written in plain printable characters
    /// ("UTC\0" is refused; "Etc/UTC", what a server without TZ reports, is a name).
    public static func isTimeZoneName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F } && TimeZone(identifier: name) != nil
    }

    public func validate() throws(ValidationError) {
        var errors = FieldErrorCollector()
        errors.check(Self.isTimeZoneName(timeZone), "timeZone", "'\(timeZone)' is not a time zone name such as Europe/London")
        for (field, value) in [("consultationMinutes", consultationMinutes), ("treatmentMinutes", treatmentMinutes), ("reviewMinutes", reviewMinutes)] {
            errors.check((10...240).contains(value) && value % SlotGrid.minutes == 0, field, "must be 10 to 240 minutes in steps of \(SlotGrid.minutes)")
        }
        errors.check((0...168).contains(noticeHours), "noticeHours", "must be 0 to 168 hours")
        errors.check(
            Self.openFirstConsultationsRange.contains(openFirstConsultations), "openFirstConsultations",
            "must be \(Self.openFirstConsultationsRange.lowerBound) to \(Self.openFirstConsultationsRange.upperBound)")
        errors.check(!openingHours.isEmpty, "openingHours", "must open on at least one day")
        errors.check(!consentVersion.trimmingCharacters(in: .whitespaces).isEmpty, "consentVersion", "must not be empty")
        do { try contact.validate() } catch { for problem in error.errors { errors.add(problem.field, problem.rule) } }
        try errors.throwIfAny()
    }
}

/// A day or run of days a practitioner is not available: leave, a holiday, training.
public struct AvailabilityException: Codable, Sendable, Equatable {
    public var firstDay: CalendarDay
    public var lastDay: CalendarDay
    public var reason: String

    public init(firstDay: CalendarDay, lastDay: CalendarDay, reason: String) {
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.reason = reason
    }

    public func covers(_ day: CalendarDay) -> Bool { firstDay <= day && day <= lastDay }
}

extension ClinicSettings {
    /// Patients may cancel or move a visit only up to the notice period before it; staff always may.
    public func allowsChange(of start: Date, by role: Role, now: Date) -> Bool {
        role != .patient || start.timeIntervalSince(now) >= Double(noticeHours) * 3600
    }
}
