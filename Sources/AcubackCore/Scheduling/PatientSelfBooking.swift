import Foundation

/// What a patient may book for themselves online. A first consultation always; treatments and
/// reviews only where the clinic allows it and once a practitioner has made the patient's plan,
/// since a treatment without a plan could not start at the chair.
public enum PatientSelfBooking {
    public static func kinds(settings: ClinicSettings, hasPlan: Bool) -> [AppointmentKind] {
        settings.patientsBookTreatments && hasPlan ? [.consultation, .treatment, .review] : [.consultation]
    }

    public static func check(_ kind: AppointmentKind, settings: ClinicSettings, hasPlan: Bool) throws(ValidationError) {
        guard kind != .consultation else { return }
        guard settings.patientsBookTreatments else {
            throw ValidationError(field: "kind", rule: "patients book a first consultation online; treatments are booked with the clinic")
        }
        guard hasPlan else {
            throw ValidationError(field: "kind", rule: "treatments can be booked once your practitioner has made your plan at the first consultation")
        }
    }
}
