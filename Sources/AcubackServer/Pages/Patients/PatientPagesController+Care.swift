import AcubackServices
import AcubackCore
import Foundation
import Hummingbird

/// Desk registration, the intake form, consent and course booking on a patient's record.
extension PatientPagesController {
    func addCareRoutes(to router: Router<AcubackRequestContext>) {
        router.get("/patients/new") { request, context in
            try context.require(.listPatients, .clinic(context.actor?.clinicID ?? UUID()))
            return try renderer.render("patient-new", context, path: "/patients", model: PatientNewPage())
        }
        router.post("/patients") { request, context in
            try context.require(.listPatients, .clinic(context.actor?.clinicID ?? UUID()))
            let actor = context.actor!
            let form = try await FormFields.of(request)
            do {
                let patient = try await services.patients.create(
                    .init(
                        givenName: form.text("givenName"), familyName: form.text("familyName"), birthDate: form.text("birthDate"),
                        email: form.text("email"), phone: form.text("phone"), confirmedNotDuplicate: form.flag("confirmDuplicate")),
                    by: actor, from: context.clientAddress)
                return Response.redirect(to: "/patients/\(patient.id)", type: .normal)
            } catch let error as ValidationError {
                var page = PatientNewPage(typed: form)
                page.hasErrors = true
                page.errors = FieldWords.rows(error.errors)
                return try renderer.render("patient-new", context, path: "/patients", model: page, status: .badRequest)
                    .response(from: request, context: context)
            } catch let duplicate as PossibleDuplicatePatient {
                let existing = duplicate.existing
                var page = PatientNewPage(typed: form)
                page.duplicate = PatientNewPage.Duplicate(id: existing.id.uuidString, name: "\(existing.givenName) \(existing.familyName)", born: existing.birthDate)
                return try renderer.render("patient-new", context, path: "/patients", model: page, status: .conflict)
                    .response(from: request, context: context)
            }
        }
        router.post("/patients/{id}/intake") { request, context in
            let patient = try await patientFor(context, .changePatientClinical)
            let form = try await FormFields.of(request)
            var errors = FieldErrorCollector()
            let risks = RiskFactorsForm.read(form, into: &errors)
            do {
                try errors.throwIfAny()
                try await services.patients.updateIntake(risks, of: patient.id, by: context.actor!, from: context.clientAddress)
            } catch let error as ValidationError {
                return try await record(patient.id, request, context, status: .badRequest) { $0.message = error.inWords }
            }
            return Response.redirect(to: "/patients/\(patient.id)#intake", type: .normal)
        }
        router.post("/patients/{id}/course") { request, context in
            try context.require(.listPatients, .clinic(context.actor?.clinicID ?? UUID()))
            let patient = try await patientFor(context, .readPatientContact)
            let form = try await FormFields.of(request)
            let actor = context.actor!
            let booking = BookingService(services: services)
            let zone = try await services.clinic.settings(clinicID: actor.clinicID).zone
            let extending = UUID(uuidString: form.text("extends"))
            let course: CourseRequest
            let regimen: Regimen
            do {
                let isClinic = form.text("regimen") == "clinic"
                regimen = try Regimen.chosen(
                    origin: form.text("regimen").isEmpty ? nil : form.text("regimen"), sessions: isClinic ? Int(form.text("sessions")) ?? 0 : nil,
                    perWeek: isClinic ? Int(form.text("perWeek")) ?? 0 : nil, extending: extending != nil)
                course = CourseRequest(
                    regimen: regimen, earliest: try earliest(form.text("from"), zone: zone), horizonWeeks: Int(form.text("horizonWeeks")),
                    preferredPractitionerID: UUID(uuidString: form.text("practitioner")))
            } catch let error as ValidationError {
                return try await record(patient.id, request, context, status: .unprocessableContent) { $0.courseError = error.inWords }
            }
            /// The times found, with what the form needs to book exactly those.
            func show(_ found: ProposedCourse, with practitioner: PractitionerRecord, on page: inout PatientRecordPage) {
                page.proposalTimes = found.slots.map { "\(DisplayTime.day($0.start, in: zone)) \(DisplayTime.clock($0.start, in: zone))" }
                page.proposalShown = found.slots.map { String(Int($0.start.timeIntervalSince1970)) }.joined(separator: ",")
                page.proposalWith = practitioner.name
                page.proposalPractitioner = practitioner.id.uuidString
                page.courseSessions = course.sessions
                page.coursePerWeek = course.perWeek
                page.courseWeeks = course.horizonWeeks
                page.courseRegimen = regimen.origin.rawValue
                page.courseSummary = regimen.summary
                page.courseFrom = form.text("from")
            }
            do {
                if form.text("action") == "book" {
                    let shown = form.text("shown").split(separator: ",").compactMap { Double($0) }.map(Date.init(timeIntervalSince1970:))
                    let (_, appointments) = try await booking.bookCourse(
                        clinicID: actor.clinicID, patientID: patient.id, request: course, regimen: regimen, extending: extending,
                        expecting: shown.isEmpty ? nil : shown, by: actor, from: context.clientAddress)
                    return try await record(patient.id, request, context) { page in
                        page.courseBooked = appointments.count
                        page.courseBookedDates = appointments.map { "\(DisplayTime.day($0.start, in: zone)) \(DisplayTime.clock($0.start, in: zone))" }
                    }
                }
                let (found, practitioner) = try await booking.proposeCourse(clinicID: actor.clinicID, patientID: patient.id, request: course)
                return try await record(patient.id, request, context) { show(found, with: practitioner, on: &$0) }
            } catch BookingError.proposalChanged(let found, let practitioner) {
                return try await record(patient.id, request, context, status: .conflict) { page in
                    show(found, with: practitioner, on: &page)
                    page.courseError = BookingError.proposalChanged(found, practitioner).description
                }
            } catch let error as BookingError {
                return try await record(patient.id, request, context, status: error.isConflict ? .conflict : .unprocessableContent) {
                    $0.courseError = error.description
                }
            }
        }
    }

    /// A course starts from the day the desk names, tomorrow unless told: a series beginning in
    /// ten minutes' time is of no use to a patient standing at the desk.
    func earliest(_ text: String, zone: TimeZone) throws(ValidationError) -> Date {
        let today = CalendarDay(services.now(), in: zone)
        guard !text.isEmpty else { return today.adding(days: 1).start(in: zone) }
        guard let day = CalendarDay(text) else { throw ValidationError(field: "from", rule: "must be a date") }
        guard day >= today else { throw ValidationError(field: "from", rule: "must be today or later") }
        return max(day.start(in: zone), services.now())
    }

    /// The patient of the route, when the signed-in person may take `action` on them.
    func patientFor(_ context: AcubackRequestContext, _ action: Action) async throws -> PatientRecord {
        guard let id = context.parameters.get("id", as: UUID.self) else {
            try context.require(action, .patient(clinicID: UUID(), patientID: UUID()))
            throw HTTPError(.notFound)
        }
        return try await services.patients.patient(id: id, for: action, by: context.actor)
    }

    /// What the record page shows besides contact and clinical data: visits, consent, the forms.
    func addCare(to page: inout PatientRecordPage, _ chart: PatientChart, _ actor: Actor) {
        let patient = chart.patient
        let zone = chart.zone
        let now = services.now()
        let target = AccessTarget.patient(clinicID: patient.clinicID, patientID: patient.id)
        page.visits = chart.visits.map { PatientRecordPage.VisitRow($0, zone: zone) }
        page.hasVisits = !chart.visits.isEmpty
        page.canBook = AccessPolicy.decide(actor, .listPatients, .clinic(patient.clinicID)).isAllowed
        page.canEditIntake = AccessPolicy.decide(actor, .changePatientClinical, target).isAllowed
        page.canConsent = AccessPolicy.decide(actor, .changePatientContact, target).isAllowed
        if page.canBook {
            page.courseFromDefault = CalendarDay(now, in: zone).adding(days: 1).description
            page.practitioners = chart.practitioners
                .filter { $0.isCertified(on: CalendarDay(now, in: zone)) }.map { PatientRecordPage.PractitionerChoice(id: $0.id.uuidString, name: $0.name) }
            // The regimen of the trial the current plan follows comes first; GERAC otherwise.
            page.regimens = Regimen.Origin.allCases.map { origin in
                PatientRecordPage.RegimenChoice(
                    value: origin.rawValue, selected: origin == chart.plannedRegimen,
                    label: Regimen.trial(origin).map { "\($0.name): \($0.summary)" } ?? "Clinic's own (sessions and per week below)")
            }
        }
        if page.canEditIntake, let clinical = chart.clinical {
            // The week of pregnancy as it stands today, so saving the form unchanged keeps its count.
            page.intake = PatientRecordPage.IntakeView(clinical.risks.on(CalendarDay(now, in: .gmt)))
        }
    }
}
