import Testing

@testable import AcubackCore

/// A patient books a first consultation always; treatments only where the clinic allows and with a plan.
@Suite struct PatientSelfBookingTests {
    let closed = ClinicSettings(timeZone: "Europe/London")
    let open = ClinicSettings(timeZone: "Europe/London", patientsBookTreatments: true)

    @Test func aFirstConsultationIsAlwaysOpen() throws {
        for settings in [closed, open] {
            for hasPlan in [false, true] {
                try PatientSelfBooking.check(.consultation, settings: settings, hasPlan: hasPlan)
            }
        }
    }

    @Test(arguments: [AppointmentKind.treatment, .review])
    func treatmentsNeedTheClinicsLeaveAndAPlan(kind: AppointmentKind) throws {
        #expect(throws: ValidationError.self) { try PatientSelfBooking.check(kind, settings: closed, hasPlan: true) }
        do {
            try PatientSelfBooking.check(kind, settings: open, hasPlan: false)
            Issue.record("booked without a plan")
        } catch {
            #expect(error.errors.first?.field == "kind" && error.errors.first?.rule.contains("once your practitioner has made your plan") == true)
        }
        try PatientSelfBooking.check(kind, settings: open, hasPlan: true)
    }

    @Test func theKindsOfferedFollowTheSameRule() {
        #expect(PatientSelfBooking.kinds(settings: closed, hasPlan: true) == [.consultation])
        #expect(PatientSelfBooking.kinds(settings: open, hasPlan: false) == [.consultation])
        #expect(PatientSelfBooking.kinds(settings: open, hasPlan: true) == [.consultation, .treatment, .review])
    }
}
