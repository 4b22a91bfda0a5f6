import AcubackServices
import AcubackCore
import AcubackStore
import Foundation
import Hummingbird

/// The admin's practitioners: certificates (with those expiring within 30 days first), hours,
/// leave. The clinic's own settings are in AdminClinicController.
struct AdminPractitionersController {
    let renderer: PageRenderer
    let services: AppServices

    var clinics: ClinicStore { ClinicStore(services.database) }

    func addRoutes(to router: Router<AcubackRequestContext>) {
        router.get("/admin/practitioners") { request, context in
            try requireAdmin(context)
            return try await page(request, context)
        }
        router.post("/admin/practitioners") { request, context in
            let actor = try requireAdmin(context)
            let form = try await FormFields.of(request)
            return try await attempt(request, context, "practitioner.create") {
                let hours = try HoursForm.hours(form, prefix: "new-hours", field: "hours")
                _ = try await clinics.createPractitioner(
                    clinicID: actor.clinicID, userID: nil, name: form.text("name"), profession: form.text("profession"),
                    biography: form.text("biography"), practisingSince: Int(form.text("since")) ?? 0, hours: hours)
                return "Added \(form.text("name"))."
            }
        }
        router.post("/admin/practitioners/{id}/certificates") { request, context in
            let actor = try requireAdmin(context)
            let practitioner = try await ownPractitioner(context)
            let form = try await FormFields.of(request)
            return try await attempt(request, context, "certificate.add") {
                var errors = FieldErrorCollector()
                let from = CalendarDay(form.text("validFrom"))
                let to = CalendarDay(form.text("validTo"))
                errors.check(from != nil, "validFrom", "must be a date written YYYY-MM-DD")
                errors.check(to != nil, "validTo", "must be a date written YYYY-MM-DD")
                try errors.throwIfAny()
                let verified = form.flag("verified")
                _ = try await clinics.addCertificate(practitionerID: practitioner.id, Certificate(
                    issuingBody: form.text("issuingBody"), number: form.text("number"), validFrom: from!, validTo: to!,
                    verifiedBy: verified ? actor.displayName : nil, verifiedAt: verified ? services.now() : nil))
                return "Recorded the certificate of \(practitioner.name)."
            }
        }
        router.post("/admin/certificates/{id}/verify") { request, context in
            let actor = try requireAdmin(context)
            guard let id = context.parameters.get("id", as: UUID.self),
                  let certificate = try await clinics.verifyCertificate(id: id, by: actor.displayName, at: services.now())
            else { throw HTTPError(.notFound) }
            try await services.record("certificate.verify", by: actor, clinicID: actor.clinicID, recordType: "certificate", recordID: certificate.id.uuidString, from: context.clientAddress)
            return Response.redirect(to: "/admin/practitioners", type: .normal)
        }
        router.post("/admin/practitioners/{id}/hours") { request, context in
            _ = try requireAdmin(context)
            let practitioner = try await ownPractitioner(context)
            let form = try await FormFields.of(request)
            return try await attempt(request, context, "practitioner.hours") {
                try await clinics.setHours(
                    practitionerID: practitioner.id, hours: try HoursForm.hours(form, prefix: Self.hoursPrefix(practitioner.id), field: "hours"))
                return "Saved the hours of \(practitioner.name)."
            }
        }
        router.post("/admin/practitioners/{id}/leave") { request, context in
            _ = try requireAdmin(context)
            let practitioner = try await ownPractitioner(context)
            let form = try await FormFields.of(request)
            return try await attempt(request, context, "practitioner.leave") {
                guard let first = CalendarDay(form.text("firstDay")), let last = CalendarDay(form.text("lastDay")) else {
                    throw ValidationError(field: "firstDay", rule: "give the first and last day as YYYY-MM-DD")
                }
                try await clinics.addException(practitionerID: practitioner.id, AvailabilityException(firstDay: first, lastDay: last, reason: form.text("reason")))
                return "Recorded leave for \(practitioner.name)."
            }
        }
    }

    @discardableResult
    private func requireAdmin(_ context: AcubackRequestContext) throws -> Actor {
        try context.require(.manageUsers, .clinic(context.actor?.clinicID ?? UUID()))
        return context.actor!
    }

    private func ownPractitioner(_ context: AcubackRequestContext) async throws -> PractitionerRecord {
        guard let id = context.parameters.get("id", as: UUID.self), let practitioner = try await clinics.practitioner(id: id),
              practitioner.clinicID == context.actor?.clinicID
        else { throw HTTPError(.notFound) }
        return practitioner
    }

    /// Runs a change; a field error redraws the page with it, success returns to the list.
    private func attempt(
        _ request: Request, _ context: AcubackRequestContext, _ action: String, _ change: () async throws -> String
    ) async throws -> Response {
        do {
            let done = try await change()
            let actor = context.actor!
            try await services.record(action, by: actor, clinicID: actor.clinicID, recordType: "practitioner", from: context.clientAddress)
            return try await page(request, context, extra: ["done": done])
        } catch let error as ValidationError {
            return try await page(request, context, extra: ["message": error.inWords], status: .badRequest)
        }
    }

    /// Each practitioner's hours rows carry their own field names, so ids stay unique on the page.
    static func hoursPrefix(_ id: UUID) -> String { "hours-\(id.uuidString.prefix(8))" }

    private func page(_ request: Request, _ context: AcubackRequestContext, extra: [String: Any] = [:], status: HTTPResponse.Status = .ok) async throws -> Response {
        let actor = context.actor!
        let zone = try await clinics.settings(clinicID: actor.clinicID).zone
        let today = CalendarDay(services.now(), in: zone)
        let practitioners = try await clinics.practitioners(clinicID: actor.clinicID)
        let expiring = try await clinics.certificatesExpiring(clinicID: actor.clinicID, within: 30, today: today)
        var values: [String: Any] = [
            "expiring": expiring.map { ["name": $0.practitioner.name, "body": $0.certificate.certificate.issuingBody, "number": $0.certificate.certificate.number, "until": $0.certificate.certificate.validTo.description] },
            "hasExpiring": !expiring.isEmpty,
            "newHoursForm": HoursForm(.standardPractitioner, prefix: "new-hours", legend: "Weekly hours"),
            "practitioners": practitioners.map { practitioner -> [String: Any] in
                [
                    "id": practitioner.id.uuidString, "name": practitioner.name, "profession": practitioner.profession,
                    "certified": practitioner.isCertified(on: today),
                    "hours": HoursForm(practitioner.hours, prefix: Self.hoursPrefix(practitioner.id), legend: "Weekly hours of \(practitioner.name)").summary,
                    "hoursForm": HoursForm(practitioner.hours, prefix: Self.hoursPrefix(practitioner.id), legend: "Weekly hours of \(practitioner.name)"),
                    "certificates": practitioner.certificates.map { record -> [String: Any] in
                        var entry: [String: Any] = [
                            "id": record.id.uuidString, "body": record.certificate.issuingBody, "number": record.certificate.number,
                            "from": record.certificate.validFrom.description, "to": record.certificate.validTo.description,
                            "valid": record.certificate.permitsTreatment(on: today), "verified": record.certificate.isVerified,
                        ]
                        if let by = record.certificate.verifiedBy, let at = record.certificate.verifiedAt {
                            entry["verifiedBy"] = "\(by), \(DisplayTime.format(at, in: zone))"
                        }
                        return entry
                    },
                    "leave": practitioner.exceptions.filter { $0.lastDay >= today }.map { ["from": $0.firstDay.description, "to": $0.lastDay.description, "reason": $0.reason] },
                ]
            },
        ]
        values.merge(extra) { _, new in new }
        return try renderer.render("admin-practitioners", context, path: "/admin/practitioners", values: values, status: status)
            .response(from: request, context: context)
    }
}
