import Foundation
import Testing

@testable import AcubackCore

@Suite struct FHIRResourcesTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    let patient = UUID(), practitioner = UUID(), session = UUID(), course = UUID()

    func insertion(_ point: String, _ side: NeedleSide, minute: Double, site: Int? = nil) -> NeedleEvent {
        .inserted(Insertion(key: NeedleKey(point: point, side: side, site: site), at: start.addingTimeInterval(minute * 60), depthMm: 12,
                            needleType: "0.25 × 40 mm, steel", stimulation: .manual, deQi: true))
    }

    func chair() throws -> ChairSession {
        try ChairSession(planned: [], ledger: NeedleLedger(replaying: [
            insertion("BL23", .left, minute: 1), insertion("BL23", .right, minute: 1.5), insertion("GV4", .midline, minute: 2),
            .inserted(Insertion(key: NeedleKey(extraAt: "left gluteal tender point"), at: start.addingTimeInterval(150), depthMm: 10,
                                needleType: "0.25 × 40 mm, steel", stimulation: .manual, deQi: false)),
            .removedAll(count: 4, at: start.addingTimeInterval(23 * 60)),
        ]), timer: RetentionTimer(targetMinutes: 20))
    }

    @Test func aSessionIsAnAcupunctureProcedureFromFirstNeedleInToLastOut() throws {
        let procedure = FHIRResources.procedure(
            id: session, patientID: patient, practitionerID: practitioner, carePlanID: course, session: try chair(), startedAt: start,
            closedAt: start.addingTimeInterval(25 * 60), reactions: [.drowsiness], catalogue: .standard)
        #expect(procedure["status"] == "completed")
        #expect(procedure["code"]?["coding"] == [["system": "http://snomed.info/sct", "code": "44868003", "display": "Acupuncture (procedure)"]])
        #expect(procedure["performedPeriod"] == ["start": "2027-01-15T08:01:00Z", "end": "2027-01-15T08:23:00Z"])
        guard case .array(let sites)? = procedure["bodySite"] else { Issue.record("no body sites"); return }
        let codes = sites.compactMap { site -> String? in
            guard case .array(let codings)? = site["coding"] else { return nil }
            return codings.first?["code"]?.stringValue
        }
        #expect(codes == ["BL23-left", "BL23-right", "GV4-midline"], "one body site per point and side")
        #expect(sites.last?["text"] == "extra needle at left gluteal tender point")
        let expected = ["CarePlan/\(course.uuidString.lowercased())", "Patient/\(patient.uuidString.lowercased())",
                        "PractitionerRole/\(practitioner.uuidString.lowercased())"]
        #expect(Set(procedure.references) == Set(expected))
        #expect(procedure["complication"] == [["text": "drowsiness"]])
    }

    @Test func painNowIsLoincAndTheOtherMeasuresUseOurOwnCodes() {
        let measure = UUID()
        let observations = FHIRResources.measureObservations(
            measureID: measure, patientID: patient, partOf: session, at: start,
            measures: OutcomeMeasures(painNow: 6, painAverageWeek: 5, function: [FunctionActivity(activity: "bending", score: 3)], schoberCm: 3.5))
        let codes = observations.compactMap { observation -> String? in
            guard case .array(let codings)? = observation["code"]?["coding"] else { return nil }
            return codings.first?["code"]?.stringValue
        }
        #expect(codes == ["72514-3", "pain-average-week", "psfs", "modified-schober"])
        #expect(observations[0]["valueQuantity"]?["value"] == 6)
        #expect(observations[3]["valueQuantity"]?["value"] == 3.5 && observations[3]["valueQuantity"]?["code"] == "cm")
        #expect(observations.allSatisfy { $0["partOf"] == [["reference": .string("Procedure/\(session.uuidString.lowercased())")]] })
        #expect(Set(observations.compactMap { $0["id"]?.stringValue }).count == observations.count, "ids are unique")
    }

    @Test func certificatesBecomeQualifications() {
        let certificate = Certificate(issuingBody: "British Acupuncture Council", number: "BAcC-1", validFrom: CalendarDay("2025-01-01")!,
                                      validTo: CalendarDay("2027-12-31")!)
        let resource = FHIRResources.practitioner(id: practitioner, name: "Mei Lin Chen", certificates: [certificate])
        guard case .array(let qualifications)? = resource["qualification"] else { Issue.record("no qualification"); return }
        #expect(qualifications.first?["period"] == ["start": "2025-01-01", "end": "2027-12-31"])
        #expect(qualifications.first?["issuer"] == ["display": "British Acupuncture Council"])
    }

    @Test func theBundleFullUrlsResolveTheReferencesInside() throws {
        let resources: [JSONValue] = [
            FHIRResources.patient(id: patient, givenName: "Pat", familyName: "Ient", birthDate: "1970-01-01", email: nil, phone: nil),
            FHIRResources.appointment(id: UUID(), patientID: patient, practitionerID: practitioner, kind: .treatment, status: .completed,
                                      start: start, minutes: 45),
        ]
        let bundle = FHIRResources.bundle(id: UUID(), timestamp: start, base: "https://clinic.example/fhir", resources: resources)
        guard case .array(let entries)? = bundle["entry"] else { Issue.record("no entries"); return }
        #expect(entries[0]["fullUrl"] == .string("https://clinic.example/fhir/Patient/\(patient.uuidString.lowercased())"))
        #expect(entries[1]["resource"]?["status"] == "fulfilled")
        #expect(resources[0]["telecom"] == nil, "no empty elements")
        let text = String(decoding: try bundle.data(), as: UTF8.self)
        #expect(!text.contains("null"))
    }
}
