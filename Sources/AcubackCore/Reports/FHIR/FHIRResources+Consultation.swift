import Foundation

/// The first consultation in FHIR R4: an assessment is a ClinicalImpression, each red flag found
/// a Flag, a clinician's decision on them a DetectedIssue whose mitigation is the decision,
/// consent a Consent, and each version of a session's note a Composition.
extension FHIRResources {
    public static func clinicalImpression(id: UUID, patientID: UUID, practitionerID: UUID, recordedAt: Date, consultation: Consultation) -> JSONValue {
        let assessment = consultation.assessment
        let regions = assessment.regions.map { "\($0.rawValue) back" }.joined(separator: " and ")
        let levels = assessment.levels.isEmpty ? "" : " at " + assessment.levels.map(\.rawValue).joined(separator: ", ")
        var findings: [JSONValue] = [
            ["itemCodeableConcept": ["text": .string("\(assessment.onset.rawValue.capitalized) \(regions) pain, \(assessment.side.rawValue)\(levels)")]],
        ]
        if assessment.radiatesToLeg { findings.append(["itemCodeableConcept": ["text": "Pain radiates to the leg"]]) }
        for flag in consultation.redFlags {
            findings.append(["itemCodeableConcept": concept([coding(FHIRCodes.redFlagSystem, flag.rawValue, flag.question)], text: flag.question), "basis": "Red-flag screen"])
        }
        let exam = consultation.examination
        var notes: [JSONValue] = []
        for (title, text) in [("Range of movement", exam.rangeOfMovement), ("Tender points", exam.tenderPoints), ("Neurological signs", exam.neurologicalSigns)]
        where !text.isEmpty {
            notes.append(["text": .string("\(title): \(text)")])
        }
        for (side, angle) in [("left", exam.straightLegRaiseLeft), ("right", exam.straightLegRaiseRight)] {
            if let angle { notes.append(["text": .string("Straight-leg raise \(side): leg pain at \(angle) degrees")]) }
        }
        return [
            "resourceType": "ClinicalImpression", "id": .string(Self.id(id)), "status": "completed",
            "description": .string(consultation.complaint), "subject": reference("Patient", Self.id(patientID)),
            "effectiveDateTime": instant(recordedAt), "date": instant(recordedAt),
            "assessor": reference("PractitionerRole", Self.id(practitionerID)),
            "summary": .string("\(regions.prefix(1).uppercased())\(regions.dropFirst()) pain\(consultation.durationWeeks.map { " for \($0) weeks" } ?? "")"),
            "finding": .array(findings), "note": notes.isEmpty ? nil : .array(notes),
        ]
    }

    /// A red flag found at a screen; inactive once a clinician has cleared it.
    public static func flag(id: String, patientID: UUID, flag: RedFlag, screenedAt: Date, clearedAt: Date?, screenedBy practitionerID: UUID?) -> JSONValue {
        [
            "resourceType": "Flag", "id": .string(id), "status": .string(clearedAt == nil ? "active" : "inactive"),
            "category": [concept([coding(FHIRCodes.flagCategory, "clinical", "Clinical")])],
            "code": concept([coding(FHIRCodes.redFlagSystem, flag.rawValue, flag.question)], text: "Red flag (\(flag.group.title)): \(flag.question)"),
            "subject": reference("Patient", Self.id(patientID)),
            "period": ["start": instant(screenedAt), "end": clearedAt.map(instant)],
            "author": practitionerID.map { reference("PractitionerRole", Self.id($0)) },
        ]
    }

    /// A clinician's decision on red flags: the issue the flags raise, mitigated by the decision.
    public static func redFlagDecision(
        id: UUID, patientID: UUID, flagIDs: [String], outcome: RedFlagOutcome, reason: String, referredTo: String?, decidedAt: Date,
        decidedBy: String, urgent: Bool
    ) -> JSONValue {
        let action = outcome == .cleared ? "Reviewed and cleared" : "Referred" + (referredTo.map { " to \($0)" } ?? "")
        return [
            "resourceType": "DetectedIssue", "id": .string(Self.id(id)), "status": "final",
            "code": ["text": "Red flags for serious spinal pathology"], "severity": .string(urgent ? "high" : "moderate"),
            "patient": reference("Patient", Self.id(patientID)), "identifiedDateTime": instant(decidedAt),
            "implicated": flagIDs.isEmpty ? nil : .array(flagIDs.map { reference("Flag", $0) }),
            "detail": .string(reason),
            "mitigation": [[
                "action": concept([coding(FHIRCodes.redFlagDecisionSystem, outcome.rawValue, action)], text: action),
                "date": instant(decidedAt), "author": ["display": .string(decidedBy)],
            ]],
        ]
    }

    public static func consent(
        id: String, patientID: UUID, clinicID: UUID, version: String, givenAt: Date, method: ConsentMethod?, signedName: String, reason: String
    ) -> JSONValue {
        let how: String = switch method {
        case .online: "Signed online with the typed name \u{201C}\(signedName)\u{201D}"
        case .desk: "Signed at the desk with the typed name \u{201C}\(signedName)\u{201D}"
        case .verbal: "Given aloud: \(reason)"
        case nil: "Recorded"
        }
        return [
            "resourceType": "Consent", "id": .string(id), "status": "active",
            "scope": concept([coding(FHIRCodes.consentScope, "treatment", "Treatment")]),
            "category": [concept([coding(FHIRCodes.loinc, FHIRCodes.patientConsent.code, FHIRCodes.patientConsent.display)])],
            "patient": reference("Patient", Self.id(patientID)), "dateTime": instant(givenAt),
            "organization": [reference("Organization", Self.id(clinicID))],
            "sourceAttachment": ["title": .string("Acupuncture consent text, version \(version). \(how).")],
            "policy": [["uri": .string("urn:acuback:consent-text:\(Self.id(clinicID)):\(version)")]],
            "provision": ["type": "permit"],
        ]
    }

    /// One version of a session's note; an amendment replaces the version before it.
    public static func noteComposition(
        id: UUID, patientID: UUID, practitionerID: UUID, sessionID: UUID, note: SessionNote, writtenAt: Date, amendment: Bool, replaces: UUID?
    ) -> JSONValue {
        var sections: [JSONValue] = note.sections.filter { !$0.text.isEmpty }.map { section(title: $0.title, text: $0.text) }
        if !note.traditionalFindings.isEmpty {
            sections.append([
                "title": "Traditional Chinese medicine findings",
                "section": .array(note.traditionalFindings.map { section(title: $0.title, text: $0.text) }),
            ])
        }
        return [
            "resourceType": "Composition", "id": .string(Self.id(id)), "status": .string(amendment ? "amended" : "final"),
            "type": concept([coding(FHIRCodes.loinc, FHIRCodes.progressNote.code, FHIRCodes.progressNote.display)], text: "Treatment note"),
            "subject": reference("Patient", Self.id(patientID)), "date": instant(writtenAt),
            "author": [reference("PractitionerRole", Self.id(practitionerID))], "title": "Acupuncture treatment note",
            "event": [["detail": [reference("Procedure", Self.id(sessionID))]]],
            "relatesTo": replaces.map { [["code": "replaces", "targetReference": reference("Composition", Self.id($0))]] },
            "section": .array(sections),
        ]
    }

    static func section(title: String, text: String) -> JSONValue {
        [
            "title": .string(title),
            "text": ["status": "generated", "div": .string("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>\(escaped(text))</p></div>")],
        ]
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
