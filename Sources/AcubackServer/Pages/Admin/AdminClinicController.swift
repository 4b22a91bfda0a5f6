import AcubackServices
import AcubackCore
import Foundation
import Hummingbird

/// The admin's clinic page: booking settings, opening hours, name and contact details, holidays,
/// rooms and the consent text. Every change goes through ClinicSettingsService.
struct AdminClinicController {
    let renderer: PageRenderer
    let services: AppServices

    var settingsService: ClinicSettingsService { ClinicSettingsService(services: services) }

    func addRoutes(to router: RouterGroup<AcubackRequestContext>) {
        router.get("clinic") { request, context in
            return try await page(request, context, ClinicPageState(saved: FormFields(request.uri.queryParameters).text("saved")))
        }
        router.post("clinic") { request, context in
            let actor = try context.signedIn
            let form = try await FormFields.of(request)
            do {
                let settings = try Self.settings(from: form)
                try await settingsService.save(settings, by: actor, from: context.clientAddress)
                return Response.redirect(to: "/admin/clinic?saved=settings", type: .normal)
            } catch let error as ValidationError {
                return try await page(request, context, ClinicPageState(message: error.inWords, typed: form), status: .badRequest)
            }
        }
        router.post("consent") { request, context in
            let actor = try context.signedIn
            let form = try await FormFields.of(request)
            do {
                let published = try await ConsentService(services: services).publish(text: form.text("text"), by: actor, from: context.clientAddress)
                return try await page(request, context, ClinicPageState(consentPublished: published.version))
            } catch let error as ValidationError {
                return try await page(request, context, ClinicPageState(consentError: error.inWords, consentDraft: form.text("text")), status: .badRequest)
            }
        }
        addHolidayRoutes(to: router)
        addRoomRoutes(to: router)
        addWaitlistRoutes(to: router)
    }

    /// The settings form read into settings; the hours rows are checked day by day.
    static func settings(from form: FormFields) throws(ValidationError) -> ClinicSettings {
        var errors = FieldErrorCollector()
        var hours = WeeklyHours()
        do { hours = try HoursForm.hours(form, prefix: "opening", field: "openingHours") } catch {
            for problem in error.errors { errors.add(problem.field, problem.rule) }
        }
        let settings = ClinicSettings(
            timeZone: form.text("timeZone"), openingHours: hours,
            consultationMinutes: Int(form.text("consultationMinutes")) ?? 0, treatmentMinutes: Int(form.text("treatmentMinutes")) ?? 0,
            reviewMinutes: Int(form.text("reviewMinutes")) ?? 0, noticeHours: Int(form.text("noticeHours")) ?? -1,
            openFirstConsultations: Int(form.text("openFirstConsultations")) ?? 0,
            patientsBookTreatments: form.text("patientsBookTreatments") == "on",
            contact: ClinicContact(name: form.text("clinicName"), address: form.first("address") ?? "", phone: form.text("phone")).trimmed)
        do { try settings.validate() } catch {
            // An hours row already reported is not said twice as "must open on at least one day".
            for problem in error.errors where !(problem.field == "openingHours" && !errors.errors.isEmpty) { errors.add(problem.field, problem.rule) }
        }
        try errors.throwIfAny()
        return settings
    }


    func page(
        _ request: Request, _ context: AcubackRequestContext, _ state: ClinicPageState, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let actor = context.actor!
        let settings = try await services.clinic.settings(clinicID: actor.clinicID)
        let rooms = try await services.clinic.rooms(clinicID: actor.clinicID)
        let consent = try await ConsentService(services: services).current(clinicID: actor.clinicID)
        var model = AdminClinicPage(
            settings: settings, rooms: rooms, consent: consent, state: state, today: CalendarDay(services.now(), in: settings.zone))
        model.waitlist = try await waitlistSection(clinicID: actor.clinicID, state)
        return try renderer.render("admin-clinic", context, path: "/admin/clinic", model: model, status: status)
            .response(from: request, context: context)
    }
}
