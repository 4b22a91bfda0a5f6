import Testing

@testable import AcubackCore

@Suite struct MessagingSettingsTests {
    @Test(arguments: [0, -1, 169, 1000])
    func aReminderOutsideAnHourToAWeekAheadIsRefusedNamingTheField(hours: Int) {
        var settings = MessagingSettings.standard
        settings.reminderHours = hours
        #expect(throws: ValidationError(field: "reminderHours", rule: "must be a whole number of hours from 1 to 168")) { try settings.validate() }
    }

    @Test func theStandardSettingsKeepTheDayBeforeEmailReminder() throws {
        try MessagingSettings.standard.validate()
        #expect(MessagingSettings.standard.reminderHours == 24)
        #expect(MessagingSettings.standard.reminderChannels(hasEmail: true, textsWanted: false) == [.email])
    }

    @Test func textsGoOnlyToPatientsWhoWantThemAndEmailsOnlyWithAnAddress() {
        let settings = MessagingSettings(confirmByEmail: true, confirmByText: false, remindByEmail: false, remindByText: true, reminderHours: 2)
        #expect(settings.confirmationChannels(hasEmail: true, textsWanted: true) == [.email])
        #expect(settings.confirmationChannels(hasEmail: false, textsWanted: true) == [])
        #expect(settings.reminderChannels(hasEmail: true, textsWanted: true) == [.sms])
        #expect(settings.reminderChannels(hasEmail: true, textsWanted: false) == [])
        #expect(MessagingSettings.standard.reminderChannels(hasEmail: true, textsWanted: true) == [.email, .sms])
    }

    @Test func theChecklistIsCompleteWhenIntakeAndConsentAreDone() {
        #expect(FirstVisitChecklist(intakeDone: true, consentDone: true).isComplete)
        #expect(!FirstVisitChecklist(intakeDone: true, consentDone: false).isComplete)
        #expect(!FirstVisitChecklist(intakeDone: false, consentDone: true).isComplete)
    }
}
