import Foundation

/// Builds FHIR R4 resources from Acuback's records (CLINICAL.md §7): a session is a Procedure,
/// pain scores and measures are Observations part of it, a course is a CarePlan, bookings are
/// Appointments, certificates are Practitioner.qualification, after-effects are AdverseEvents.
public enum FHIRResources {
    static func instant(_ date: Date) -> JSONValue {
        var formatter = Date.ISO8601FormatStyle()
        formatter.timeZone = .gmt
        return .string(date.formatted(formatter))
    }

    static func reference(_ type: String, _ id: String, _ display: String? = nil) -> JSONValue {
        ["reference": .string("\(type)/\(id)"), "display": display.map(JSONValue.string)]
    }

    static func id(_ uuid: UUID) -> String { uuid.uuidString.lowercased() }

    static func coding(_ system: String, _ code: String, _ display: String? = nil) -> JSONValue {
        ["system": .string(system), "code": .string(code), "display": display.map(JSONValue.string)]
    }

    static func concept(_ codings: [JSONValue], text: String? = nil) -> JSONValue {
        ["coding": .array(codings), "text": text.map(JSONValue.string)]
    }

    public static func patient(id: UUID, givenName: String, familyName: String, birthDate: String, email: String?, phone: String?) -> JSONValue {
        var telecom: [JSONValue] = []
        if let email { telecom.append(["system": "email", "value": .string(email)]) }
        if let phone { telecom.append(["system": "phone", "value": .string(phone)]) }
        return [
            "resourceType": "Patient", "id": .string(Self.id(id)),
            "name": [["family": .string(familyName), "given": [.string(givenName)]]],
            "birthDate": .string(birthDate), "telecom": telecom.isEmpty ? nil : .array(telecom),
        ]
    }

    public static func organization(id: UUID, name: String) -> JSONValue {
        ["resourceType": "Organization", "id": .string(Self.id(id)), "active": true, "name": .string(name)]
    }

    /// Each certificate becomes a qualification: its number, the body that issued it, its period.
    public static func practitioner(id: UUID, name: String, certificates: [Certificate]) -> JSONValue {
        let qualifications: [JSONValue] = certificates.map { certificate in
            [
                "identifier": [["system": .string(FHIRCodes.certificateSystem), "value": .string(certificate.number)]],
                "code": ["text": .string("Acupuncture certification: \(certificate.issuingBody)")],
                "period": ["start": .string(certificate.validFrom.description), "end": .string(certificate.validTo.description)],
                "issuer": ["display": .string(certificate.issuingBody)],
            ]
        }
        return [
            "resourceType": "Practitioner", "id": .string(Self.id(id)), "active": true, "name": [["text": .string(name)]],
            "qualification": qualifications.isEmpty ? nil : .array(qualifications),
        ]
    }

    /// One role per practitioner at the clinic; it shares the practitioner's id.
    public static func practitionerRole(practitionerID: UUID, clinicID: UUID, profession: String, name: String) -> JSONValue {
        [
            "resourceType": "PractitionerRole", "id": .string(Self.id(practitionerID)), "active": true,
            "practitioner": reference("Practitioner", Self.id(practitionerID), name),
            "organization": reference("Organization", Self.id(clinicID)),
            "code": [["text": .string(profession)]],
        ]
    }

    public static func appointment(
        id: UUID, patientID: UUID, practitionerID: UUID, kind: AppointmentKind, status: AppointmentStatus, start: Date, minutes: Int
    ) -> JSONValue {
        let fhirStatus: String = switch status {
        case .booked: "booked"
        case .arrived: "arrived"
        case .completed: "fulfilled"
        case .cancelled: "cancelled"
        case .noShow: "noshow"
        }
        return [
            "resourceType": "Appointment", "id": .string(Self.id(id)), "status": .string(fhirStatus),
            "appointmentType": concept([coding(FHIRCodes.appointmentKindSystem, kind.rawValue)], text: kind.rawValue),
            "start": instant(start), "end": instant(start.addingTimeInterval(Double(minutes * 60))), "minutesDuration": .int(minutes),
            "participant": [
                ["actor": reference("Patient", Self.id(patientID)), "status": "accepted"],
                ["actor": reference("PractitionerRole", Self.id(practitionerID)), "status": "accepted"],
            ],
        ]
    }

    /// A course: the regimen in words, its period from the first to the last appointment.
    public static func carePlan(
        id: UUID, patientID: UUID, practitionerID: UUID, regimen: Regimen, completed: Bool, created: Date, first: Date?, last: Date?,
        protocolName: String?
    ) -> JSONValue {
        let period: JSONValue? = first.map { ["start": instant($0), "end": last.map(instant)] }
        var description = "\(regimen.name): \(regimen.summary). Reviews after session \(regimen.reviewAfter.map(String.init).joined(separator: " and "))."
        if let protocolName { description += " Points: \(protocolName)." }
        return [
            "resourceType": "CarePlan", "id": .string(Self.id(id)), "status": .string(completed ? "completed" : "active"), "intent": "plan",
            "title": .string("Course of acupuncture for back pain"), "description": .string(description),
            "subject": reference("Patient", Self.id(patientID)), "period": period, "created": instant(created),
            "author": reference("PractitionerRole", Self.id(practitionerID)),
            "activity": [["detail": [
                "kind": "ServiceRequest", "code": concept([coding(FHIRCodes.snomed, FHIRCodes.acupuncture.code, FHIRCodes.acupuncture.display)]),
                "status": .string(completed ? "completed" : "in-progress"),
                "scheduledString": .string(regimen.summary),
            ]]],
        ]
    }

    /// A session: performed from the first needle in to the last needle out, a body site per point
    /// and side, the practitioner's role as performer, reactions at the chair as complications.
    public static func procedure(
        id: UUID, patientID: UUID, practitionerID: UUID, carePlanID: UUID?, session: ChairSession, startedAt: Date, closedAt: Date?,
        reactions: [ImmediateReaction], catalogue: PointCatalogue
    ) -> JSONValue {
        let insertions = session.ledger.insertions
        let firstIn = insertions.map(\.at).min()
        // Contact time is the practitioner's, not the needles': it neither starts nor ends the procedure.
        let lastOut = closedAt == nil ? nil : session.ledger.events.filter { event in
            switch event {
            case .contactStarted, .contactStopped: false
            default: true
            }
        }.map(\.at).max()
        var sites: [JSONValue] = []
        var seen = Set<String>()
        for insertion in insertions {
            let key = insertion.key
            guard let point = key.point else {
                let text = "extra needle at \(key.location ?? "a tender point")"
                if seen.insert(text).inserted { sites.append(["text": .string(text)]) }
                continue
            }
            let site = key.site.map { "-\($0)" } ?? ""
            let side = key.side?.rawValue ?? "midline"
            let code = "\(point)\(site)-\(side)"
            guard seen.insert(code).inserted else { continue }
            let name = catalogue.point(point).map { "\($0.code) \($0.pinyin)" } ?? point
            sites.append(concept([coding(FHIRCodes.pointSystem, code, "\(name), \(side)")], text: "\(name), \(side)"))
        }
        // Without a ledger (records from before it), the session's own start and close stand in.
        let performed: JSONValue = ["start": instant(firstIn ?? startedAt), "end": (lastOut ?? closedAt).map(instant)]
        let complications: [JSONValue] = reactions.map { ["text": .string($0.rawValue)] }
        return [
            "resourceType": "Procedure", "id": .string(Self.id(id)), "status": .string(closedAt == nil ? "in-progress" : "completed"),
            "code": concept([coding(FHIRCodes.snomed, FHIRCodes.acupuncture.code, FHIRCodes.acupuncture.display)], text: "Acupuncture"),
            "subject": reference("Patient", Self.id(patientID)),
            "basedOn": carePlanID.map { [reference("CarePlan", Self.id($0))] },
            "performedPeriod": performed,
            "performer": [["actor": reference("PractitionerRole", Self.id(practitionerID))]],
            "bodySite": sites.isEmpty ? nil : .array(sites),
            "complication": complications.isEmpty ? nil : .array(complications),
            "note": [["text": .string("\(session.ledger.insertedCount) needles in, \(session.ledger.outCount) out, \(session.ledger.lostCount) lost.")]],
        ]
    }

    /// A pain score on the 0–10 numeric rating scale (LOINC 72514-3).
    public static func painObservation(id: String, patientID: UUID, partOf procedureID: UUID?, value: Int, at: Date, note: String) -> JSONValue {
        observation(id: id, patientID: patientID, partOf: procedureID, at: at, category: "survey",
                    code: concept([coding(FHIRCodes.loinc, FHIRCodes.painNRS.code, FHIRCodes.painNRS.display)], text: "Pain (0-10) \(note)"),
                    value: ["value": .int(value), "unit": "score", "system": .string(FHIRCodes.ucum), "code": "{score}"])
    }

    /// One Observation per measure in a set: pain now under LOINC, the rest under our own codes.
    public static func measureObservations(measureID: UUID, patientID: UUID, partOf procedureID: UUID?, at: Date, measures: OutcomeMeasures) -> [JSONValue] {
        var observations: [JSONValue] = []
        let base = Self.id(measureID)
        if let pain = measures.painNow {
            observations.append(painObservation(id: "\(base)-pain-now", patientID: patientID, partOf: procedureID, value: pain, at: at, note: "now"))
        }
        func own(_ code: String, _ display: String, _ category: String, _ value: Double?, unit: String, ucum: String) {
            guard let value else { return }
            observations.append(observation(
                id: "\(base)-\(code)", patientID: patientID, partOf: procedureID, at: at, category: category,
                code: concept([coding(FHIRCodes.measureSystem, code, display)], text: display),
                value: ["value": value == value.rounded() ? .int(Int(value)) : .double(value), "unit": .string(unit),
                        "system": .string(FHIRCodes.ucum), "code": .string(ucum)]))
        }
        own("pain-average-week", "Average pain over the last week (0-10)", "survey", measures.painAverageWeek.map(Double.init), unit: "score", ucum: "{score}")
        own("pain-worst", "Worst pain over the last week (0-10)", "survey", measures.painWorst.map(Double.init), unit: "score", ucum: "{score}")
        own("psfs", "Patient-Specific Functional Scale, mean (0-10)", "survey", measures.functionScore, unit: "score", ucum: "{score}")
        own("fingertip-to-floor", "Fingertip-to-floor distance", "exam", measures.fingertipToFloorCm, unit: "cm", ucum: "cm")
        own("modified-schober", "Modified Schober lengthening", "exam", measures.schoberCm, unit: "cm", ucum: "cm")
        own("swelling-grade", "Swelling at the site (0-3)", "exam", measures.swellingGrade.map(Double.init), unit: "grade", ucum: "{grade}")
        own("roland-morris", "Roland-Morris total (0-24)", "survey", measures.rolandMorris.map(Double.init), unit: "score", ucum: "{score}")
        own("oswestry", "Oswestry total (0-100)", "survey", measures.oswestry.map(Double.init), unit: "%", ucum: "%")
        return observations
    }

    static func observation(id: String, patientID: UUID, partOf procedureID: UUID?, at: Date, category: String, code: JSONValue, value: JSONValue) -> JSONValue {
        [
            "resourceType": "Observation", "id": .string(id), "status": "final",
            "category": [concept([coding(FHIRCodes.observationCategory, category)])],
            "code": code, "subject": reference("Patient", Self.id(patientID)),
            "partOf": procedureID.map { [reference("Procedure", Self.id($0))] },
            "effectiveDateTime": instant(at), "valueQuantity": value,
        ]
    }

    /// What the patient reported after a session, linked to the session that caused it.
    public static func adverseEvent(id: UUID, patientID: UUID, procedureID: UUID, date: Date, effects: [AfterEffect], other: String, serious: Bool) -> JSONValue {
        var codings = effects.map { coding(FHIRCodes.afterEffectSystem, $0.rawValue) }
        if codings.isEmpty { codings = [coding(FHIRCodes.afterEffectSystem, "other")] }
        let text = (effects.map(\.rawValue) + (other.isEmpty ? [] : [other])).joined(separator: ", ")
        return [
            "resourceType": "AdverseEvent", "id": .string(Self.id(id)), "actuality": "actual",
            "category": [concept([coding("http://terminology.hl7.org/CodeSystem/adverse-event-category", "AE", "Adverse Event")])],
            "event": concept(codings, text: text.isEmpty ? nil : text),
            "subject": reference("Patient", Self.id(patientID)), "date": instant(date),
            "seriousness": concept([coding("http://terminology.hl7.org/CodeSystem/adverse-event-seriousness", serious ? "serious" : "non-serious",
                                           serious ? "Serious" : "Non-serious")]),
            "suspectEntity": [["instance": reference("Procedure", Self.id(procedureID))]],
        ]
    }

    /// A collection Bundle; each entry's full URL is the resource's address under `base`, so the
    /// relative references inside resolve to entries of the same Bundle.
    public static func bundle(id: UUID, timestamp: Date, base: String, resources: [JSONValue]) -> JSONValue {
        [
            "resourceType": "Bundle", "id": .string(Self.id(id)), "type": "collection", "timestamp": instant(timestamp),
            "entry": .array(resources.map { resource in
                ["fullUrl": .string("\(base)/\(resource["resourceType"]?.stringValue ?? "")/\(resource["id"]?.stringValue ?? "")"), "resource": resource]
            }),
        ]
    }
}
