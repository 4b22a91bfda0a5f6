import AcubackServices
import AcubackCore
import Foundation
import Hummingbird

/// Desk registration, the intake form, consent and course booking on a patient's record.
extension PatientPagesController {
    func addCareRoutes(to router: Router<AcubackRequestContext>) {
        router.get("/patients/new") { request, context in
            try context.require(.listPatients, .clinic(context.actor?.clinicID ?? UUID()))
            return try renderer.render("patient-new", context, path: "/patients")
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
                return try renderer.render("patient-new", context, path: "/patients", values: [
                    "hasErrors": true, "errors": FieldWords.rows(error.errors),
                    "givenName": form.text("givenName"), "familyName": form.text("familyName"), "birthDate": form.text("birthDate"),
                    "email": form.text("email"), "phone": form.text("phone"),
                ], status: .badRequest).response(from: request, context: context)
            } catch let duplicate as PossibleDuplicatePatient {
                let existing = duplicate.existing
                return try renderer.render("patient-new", context, path: "/patients", values: [
                    "duplicate": ["id": existing.id.uuidString, "name": "\(existing.givenName) \(existing.familyName)", "born": existing.birthDate],
                    "givenName": form.text("givenName"), "familyName": form.text("familyName"), "birthDate": form.text("birthDate"),
                    "email": form.text("email"), "phone": form.text("phone"),
                ], status: .conflict).response(from: request, context: context)
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
                return try await record(patient.id, request, context, extra: ["message": error.inWords], status: .badRequest)
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
                return try await record(patient.id, request, context, extra: ["courseError": error.inWords], status: .unprocessableContent)
            }
            func proposal(_ found: ProposedCourse, _ practitioner: PractitionerRecord) -> [String: Any] {
                [
                    "proposal": found.slots.map { "\(DisplayTime.day($0.start, in: zone)) \(DisplayTime.clock($0.start, in: zone))" },
                    "proposalShown": found.slots.map { String(Int($0.start.timeIntervalSince1970)) }.joined(separator: ","),
                    "proposalWith": practitioner.name, "proposalPractitioner": practitioner.id.uuidString,
                    "courseSessions": course.sessions, "coursePerWeek": course.perWeek, "courseWeeks": course.horizonWeeks,
                    "courseRegimen": regimen.origin.rawValue, "courseSummary": regimen.summary, "courseFrom": form.text("from"),
                ]
            }
            do {
                if form.text("action") == "book" {
                    let shown = form.text("shown").split(separator: ",").compactMap { Double($0) }.map(Date.init(timeIntervalSince1970:))
                    let (_, appointments) = try await booking.bookCourse(
                        clinicID: actor.clinicID, patientID: patient.id, request: course, regimen: regimen, extending: extending,
                        expecting: shown.isEmpty ? nil : shown, by: actor, from: context.clientAddress)
                    return try await record(patient.id, request, context, extra: [
                        "courseBooked": appointments.count,
                        "courseBookedDates": appointments.map { "\(DisplayTime.day($0.start, in: zone)) \(DisplayTime.clock($0.start, in: zone))" },
                    ])
                }
                let (found, practitioner) = try await booking.proposeCourse(clinicID: actor.clinicID, patientID: patient.id, request: course)
                return try await record(patient.id, request, context, extra: proposal(found, practitioner))
            } catch BookingError.proposalChanged(let found, let practitioner) {
                var values = proposal(found, practitioner)
                values["courseError"] = BookingError.proposalChanged(found, practitioner).description
                return try await record(patient.id, request, context, extra: values, status: .conflict)
            } catch let error as BookingError {
                return try await record(patient.id, request, context, extra: ["courseError": error.description], status: error.isConflict ? .conflict : .unprocessableContent)
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
    func careContext(_ patient: PatientRecord, _ actor: Actor) async throws -> [String: Any] {
        let settings = try await services.clinic.settings(clinicID: patient.clinicID)
        let zone = settings.zone
        let now = services.now()
        let visits = try await BookingService(services: services).recentVisits(of: patient, by: actor)
        let target = AccessTarget.patient(clinicID: patient.clinicID, patientID: patient.id)
        var values: [String: Any] = [
            "patientId": patient.id.uuidString,
            "visits": visits.map {
                ["when": DisplayTime.format($0.start, in: zone), "kind": PlainWords.visit($0.kind), "with": $0.practitionerName,
                 "status": PlainWords.status($0.status).lowercased()]
            },
            "hasVisits": !visits.isEmpty,
            "canBook": AccessPolicy.decide(actor, .listPatients, .clinic(patient.clinicID)).isAllowed,
            "canEditIntake": AccessPolicy.decide(actor, .changePatientClinical, target).isAllowed,
            "canConsent": AccessPolicy.decide(actor, .changePatientContact, target).isAllowed,
        ]
        if values["canBook"] as? Bool == true {
            values["courseFromDefault"] = CalendarDay(now, in: zone).adding(days: 1).description
            values["practitioners"] = try await services.clinic.practitioners(clinicID: patient.clinicID)
                .filter { $0.isCertified(on: CalendarDay(now, in: zone)) }.map { ["id": $0.id.uuidString, "name": $0.name] }
            // The regimen of the trial the current plan follows comes first; GERAC otherwise.
            let planned = try await BookingService(services: services).plannedRegimen(for: patient)
            values["regimens"] = Regimen.Origin.allCases.map { origin in
                [
                    "value": origin.rawValue, "selected": origin == planned,
                    "label": Regimen.trial(origin).map { "\($0.name): \($0.summary)" } ?? "Clinic's own (sessions and per week below)",
                ] as [String: Any]
            }
        }
        if values["canEditIntake"] as? Bool == true, let clinical = try await services.patients.clinical(of: patient, by: actor) {
            // The week of pregnancy as it stands today, so saving the form unchanged keeps its count.
            let risks = clinical.risks.on(CalendarDay(services.now(), in: .gmt))
            values["intake"] = [
                "pregnancyWeek": risks.pregnancyWeek.map(String.init) ?? "", "bmi": risks.bmi.map { String($0) } ?? "",
                "flags": [
                    ("anticoagulants", "Takes anticoagulants", risks.anticoagulants), ("implantedDevice", "Pacemaker or implanted device", risks.implantedDevice),
                    ("lungDisease", "Chronic lung disease", risks.lungDisease), ("thoracicSurgery", "Previous thoracic surgery", risks.thoracicSurgery),
                    ("faintingHistory", "History of fainting", risks.faintingHistory), ("needlePhobia", "Needle phobia", risks.needlePhobia),
                    ("epilepsy", "Epilepsy", risks.epilepsy), ("cannotLieProne", "Cannot lie face down", risks.cannotLieProne),
                ].map { ["name": $0.0, "label": $0.1, "checked": $0.2] },
                "bleeding": BleedingDisorder.allCases.map { ["value": $0.rawValue, "selected": $0 == risks.bleedingDisorder] },
                "skin": SkinRegion.allCases.map { ["value": $0.rawValue, "label": PositionText.words($0.rawValue), "checked": risks.brokenSkinRegions.contains($0)] },
                "implants": SkinRegion.allCases.map { ["value": $0.rawValue, "label": PositionText.words($0.rawValue), "checked": risks.metalImplantRegions.contains($0)] },
            ] as [String: Any]
        }
        return values
    }
}
