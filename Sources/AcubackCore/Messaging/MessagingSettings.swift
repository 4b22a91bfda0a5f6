/// What the clinic sends about a booking, and when: a confirmation as soon as it is booked, and a
/// reminder some hours before. Text messages go only to patients who asked for them and have a
/// telephone number on their record; e-mails only to those with an address.
///
/// Kept apart from `ClinicSettings`: a clinic's messaging is its own admin section and table.
public struct MessagingSettings: Sendable, Equatable, Codable {
    public var confirmByEmail: Bool
    public var confirmByText: Bool
    public var remindByEmail: Bool
    public var remindByText: Bool
    /// How long before the visit the reminder goes out.
    public var reminderHours: Int

    /// From an hour before to a week before: a reminder further ahead is forgotten by the visit.
    public static let reminderHoursRange = 1...168

    /// What a clinic that has set nothing sends: what Acuback always sent (an e-mail reminder the
    /// day before), plus confirmations, and texts to the patients who ask for them.
    public static let standard = MessagingSettings(
        confirmByEmail: true, confirmByText: true, remindByEmail: true, remindByText: true, reminderHours: 24)

    public init(confirmByEmail: Bool, confirmByText: Bool, remindByEmail: Bool, remindByText: Bool, reminderHours: Int) {
        self.confirmByEmail = confirmByEmail
        self.confirmByText = confirmByText
        self.remindByEmail = remindByEmail
        self.remindByText = remindByText
        self.reminderHours = reminderHours
    }

    public func validate() throws(ValidationError) {
        var errors = FieldErrorCollector()
        errors.check(
            Self.reminderHoursRange.contains(reminderHours), "reminderHours",
            "must be a whole number of hours from \(Self.reminderHoursRange.lowerBound) to \(Self.reminderHoursRange.upperBound)")
        try errors.throwIfAny()
    }

    /// The channels a reminder goes by to a patient, given what they have and asked for.
    public func reminderChannels(hasEmail: Bool, textsWanted: Bool) -> [MessageChannel] {
        channels(email: remindByEmail && hasEmail, text: remindByText && textsWanted)
    }

    /// The channels a booking confirmation goes by to a patient.
    public func confirmationChannels(hasEmail: Bool, textsWanted: Bool) -> [MessageChannel] {
        channels(email: confirmByEmail && hasEmail, text: confirmByText && textsWanted)
    }

    private func channels(email: Bool, text: Bool) -> [MessageChannel] {
        (email ? [.email] : []) + (text ? [.sms] : [])
    }
}
