import AcubackServices
import AcubackCore
import Foundation
import Hummingbird

/// The admin's practitioners: certificates (with those expiring within 30 days first), hours,
/// leave. The clinic's own settings are in AdminClinicController.
struct AdminPractitionersController {
    let renderer: PageRenderer
    let services: AppServices

    var practitioners: PractitionerService { services.practitioners }

    func addRoutes(to router: RouterGroup<AcubackRequestContext>) {
        router.get("practitioners") { request, context in
            return try await page(request, context)
        }
        router.post("practitioners") { request, context in
            let actor = try context.signedIn
            let form = try await FormFields.of(request)
            return try await attempt(request, context) {
                let hours = try HoursForm.hours(form, prefix: "new-hours", field: "hours")
                _ = try await practitioners.create(
                    .init(
                        name: form.text("name"), profession: form.text("profession"), biography: form.text("biography"),
                        practisingSince: Int(form.text("since")) ?? 0, hours: hours),
                    by: actor, from: context.clientAddress)
                return "Added \(form.text("name"))."
            }
        }
        router.post("practitioners/{id}/certificates") { request, context in
            let actor = try context.signedIn
            let practitioner = try await ownPractitioner(context)
            let form = try await FormFields.of(request)
            return try await attempt(request, context) {
                _ = try await practitioners.addCertificate(
                    .init(
                        issuingBody: form.text("issuingBody"), number: form.text("number"), validFrom: form.text("validFrom"),
                        validTo: form.text("validTo"), verified: form.flag("verified")),
                    to: practitioner.id, by: actor, from: context.clientAddress)
                return "Recorded the certificate of \(practitioner.name)."
            }
        }
        router.post("certificates/{id}/verify") { request, context in
            let actor = try context.signedIn
            guard let id = context.parameters.get("id", as: UUID.self) else { throw HTTPError(.notFound) }
            _ = try await practitioners.verifyCertificate(id: id, by: actor, from: context.clientAddress)
            return Response.redirect(to: "/admin/practitioners", type: .normal)
        }
        router.post("practitioners/{id}/hours") { request, context in
            let actor = try context.signedIn
            let practitioner = try await ownPractitioner(context)
            let form = try await FormFields.of(request)
            return try await attempt(request, context) {
                try await practitioners.setHours(
                    try HoursForm.hours(form, prefix: Self.hoursPrefix(practitioner.id), field: "hours"), of: practitioner.id, by: actor,
                    from: context.clientAddress)
                return "Saved the hours of \(practitioner.name)."
            }
        }
        router.post("practitioners/{id}/leave") { request, context in
            let actor = try context.signedIn
            let practitioner = try await ownPractitioner(context)
            let form = try await FormFields.of(request)
            return try await attempt(request, context) {
                guard let first = CalendarDay(form.text("firstDay")), let last = CalendarDay(form.text("lastDay")) else {
                    throw ValidationError(field: "firstDay", rule: "give the first and last day as YYYY-MM-DD")
                }
                try await practitioners.addLeave(
                    AvailabilityException(firstDay: first, lastDay: last, reason: form.text("reason")), for: practitioner.id, by: actor,
                    from: context.clientAddress)
                return "Recorded leave for \(practitioner.name)."
            }
        }
    }


    private func ownPractitioner(_ context: AcubackRequestContext) async throws -> PractitionerRecord {
        guard let id = context.parameters.get("id", as: UUID.self), let actor = context.actor else { throw HTTPError(.notFound) }
        return try await practitioners.practitioner(id: id, by: actor)
    }

    /// Runs a change; a field error redraws the page with it, success returns to the list.
    private func attempt(_ request: Request, _ context: AcubackRequestContext, _ change: () async throws -> String) async throws -> Response {
        do {
            let done = try await change()
            return try await page(request, context, done: done)
        } catch let error as ValidationError {
            return try await page(request, context, message: error.inWords, status: .badRequest)
        }
    }

    /// Each practitioner's hours rows carry their own field names, so ids stay unique on the page.
    static func hoursPrefix(_ id: UUID) -> String { "hours-\(id.uuidString.prefix(8))" }

    private func page(
        _ request: Request, _ context: AcubackRequestContext, done: String? = nil, message: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let actor = context.actor!
        let zone = try await services.clinic.settings(clinicID: actor.clinicID).zone
        let today = CalendarDay(services.now(), in: zone)
        let practitioners = try await services.clinic.practitioners(clinicID: actor.clinicID)
        let expiring = try await self.practitioners.certificatesExpiring(within: 30, today: today, by: actor)
        let model = AdminPractitionersPage(
            expiring: expiring.map {
                .init(
                    name: $0.practitioner.name, body: $0.certificate.certificate.issuingBody, number: $0.certificate.certificate.number,
                    until: $0.certificate.certificate.validTo.description)
            },
            hasExpiring: !expiring.isEmpty,
            newHoursForm: HoursForm(.standardPractitioner, prefix: "new-hours", legend: "Weekly hours"),
            practitioners: practitioners.map { AdminPractitionersPage.PractitionerRow($0, today: today, zone: zone) },
            message: message, done: done)
        return try renderer.render("admin-practitioners", context, path: "/admin/practitioners", model: model, status: status)
            .response(from: request, context: context)
    }
}

/// The admin-practitioners template's values.
struct AdminPractitionersPage: PageModel {
    struct ExpiringRow: Sendable {
        let name: String
        let body: String
        let number: String
        let until: String
    }

    struct PractitionerRow: Sendable {
        let id: String
        let name: String
        let profession: String
        let certified: Bool
        let hours: String
        let hoursForm: HoursForm
        let certificates: [CertificateRow]
        let leave: [LeaveRow]

        init(_ practitioner: PractitionerRecord, today: CalendarDay, zone: TimeZone) {
            id = practitioner.id.uuidString
            name = practitioner.name
            profession = practitioner.profession
            certified = practitioner.isCertified(on: today)
            hoursForm = HoursForm(
                practitioner.hours, prefix: AdminPractitionersController.hoursPrefix(practitioner.id),
                legend: "Weekly hours of \(practitioner.name)")
            hours = hoursForm.summary
            certificates = practitioner.certificates.map { CertificateRow($0, today: today, zone: zone) }
            // Leave already over is no longer the admin's concern.
            leave = practitioner.exceptions.filter { $0.lastDay >= today }
                .map { LeaveRow(from: $0.firstDay.description, to: $0.lastDay.description, reason: $0.reason) }
        }
    }

    struct CertificateRow: Sendable {
        let id: String
        let body: String
        let number: String
        let from: String
        let to: String
        let valid: Bool
        let verified: Bool
        let verifiedBy: String?

        init(_ record: CertificateRecord, today: CalendarDay, zone: TimeZone) {
            let certificate = record.certificate
            id = record.id.uuidString
            body = certificate.issuingBody
            number = certificate.number
            from = certificate.validFrom.description
            to = certificate.validTo.description
            valid = certificate.permitsTreatment(on: today)
            verified = certificate.isVerified
            verifiedBy = certificate.verifiedBy.flatMap { by in
                certificate.verifiedAt.map { "\(by), \(DisplayTime.format($0, in: zone))" }
            }
        }
    }

    struct LeaveRow: Sendable {
        let from: String
        let to: String
        let reason: String
    }

    let expiring: [ExpiringRow]
    let hasExpiring: Bool
    let newHoursForm: HoursForm
    let practitioners: [PractitionerRow]
    /// A change refused, in words; or the change done.
    let message: String?
    let done: String?
}
