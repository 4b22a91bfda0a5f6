import AcubackAPI
import AcubackCore
import Foundation
import Testing

@testable import AcubackServer

/// The API's documents are built field by field from the Core's types. These tests hold each
/// mapping to the Core's own JSON for the same value, so a field the mapping drops, renames or
/// fills wrongly fails here rather than in a client.
@Suite struct ComponentsMappingTests {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = .sortedKeys
        return encoder
    }()

    /// Both values as parsed JSON, so key order and number spelling do not matter.
    func sameJSON(_ mapped: some Encodable, _ core: some Encodable) throws -> Bool {
        let left = try JSONSerialization.jsonObject(with: Self.encoder.encode(mapped)) as? NSObject
        let right = try JSONSerialization.jsonObject(with: Self.encoder.encode(core)) as? NSObject
        return left != nil && left == right
    }

    static let risky = RiskFactors(
        pregnancyWeek: 12, pregnancyRecordedOn: CalendarDay("2026-11-01"), anticoagulants: true, bleedingDisorder: .mild,
        implantedDevice: true, lungDisease: true, thoracicSurgery: false, bmi: 17.5, faintingHistory: true, needlePhobia: false,
        epilepsy: true, brokenSkinRegions: [.lowerBack, .leftFoot], metalImplantRegions: [.rightEar], cannotLieProne: true)

    static let assessments: [Assessment] = [
        Assessment(regions: [.lower], side: .both, levels: [.L4, .L5], onset: .chronic),
        Assessment(regions: [.upper], side: .left, levels: [.T3, .T4], radiatesToLeg: false, onset: .acute, electroacupuncture: true, patient: risky),
        Assessment(regions: [.middle, .lower], side: .right, radiatesToLeg: true, onset: .subacute, preferredPosition: .seated,
                   patient: RiskFactors(anticoagulants: true, bmi: 31)),
    ]

    @Test(arguments: assessments)
    func aPlanIsTheDocumentTheCoreWrites(_ assessment: Assessment) throws {
        let proposed = try PrescriptionEngine().plan(for: assessment, edits: [], acknowledged: [])
        // A practitioner's edits too, so the origin and depth flags are carried.
        let first = try #require(proposed.needles.first)
        var edits = [PlanEdit(action: .changeDepth, point: first.point, side: first.side, depthMm: max(1, first.maxDepthMm - 1))]
        if !proposed.needles.contains(where: { $0.point == "SI3" }) { edits.append(PlanEdit(action: .add, point: "SI3", side: .right, role: .distal)) }
        let plan = try PrescriptionEngine().plan(for: assessment, edits: edits, acknowledged: [])
        #expect(plan.needles.contains { $0.origin == .practitioner || $0.depthSetByPractitioner })
        #expect(!plan.findings.isEmpty || assessment.patient == .none)
        #expect(try sameJSON(Components.Schemas.TreatmentPlan(plan), plan))
    }

    @Test func everyPointOfTheCatalogueIsTheDocumentTheCoreWrites() throws {
        let points = PointCatalogue.standard.points(region: nil, meridian: nil, level: nil, code: nil, prescribableOnly: false)
        #expect(points.count > 100)
        for point in points {
            #expect(try sameJSON(Components.Schemas.Point(point), point), "\(point.code)")
        }
    }

    @Test func riskFactorsGoOutAndComeBackUnchanged() throws {
        for risks in [Self.risky, .none] {
            let mapped = Components.Schemas.RiskFactors(risks)
            #expect(try sameJSON(mapped, risks))
            #expect(try RiskFactors(mapped) == risks)
        }
    }

    @Test func aRecordedPregnancyDayThatIsNoDateIsNamed() {
        var body = Components.Schemas.RiskFactors(Self.risky)
        body.pregnancyRecordedOn = "1 November"
        #expect(throws: ValidationError.self) { try RiskFactors(body, field: "patient.pregnancyRecordedOn") }
        do {
            _ = try RiskFactors(body, field: "patient.pregnancyRecordedOn")
        } catch {
            #expect(error.errors.map(\.field) == ["patient.pregnancyRecordedOn"])
        }
    }

    /// The request the API decodes is the one the Core decodes from the same JSON.
    @Test func aPlanRequestReadsAsTheCoreReadsIt() throws {
        let json = Data(#"""
            {"regions": ["upper", "lower"], "side": "left", "levels": ["T4", "L3"], "radiatesToLeg": true, "onset": "subacute",
             "electroacupuncture": true, "patient": {"pregnancyWeek": 20, "pregnancyRecordedOn": "2026-10-01", "bleedingDisorder": "severe",
             "brokenSkinRegions": ["neck"], "bmi": 18.0},
             "edits": [{"action": "remove", "point": "BL23", "side": "left"}, {"action": "changeSide", "point": "GB30", "side": "left", "toSide": "right"},
                       {"action": "add", "point": "SI3", "side": "right", "role": "distal"}],
             "acknowledged": ["pregnancy.caution:SP6"]}
            """#.utf8)
        let decoder = JSONDecoder()
        let body = try decoder.decode(Components.Schemas.PlanRequest.self, from: json)
        #expect(try PlanRequest(body) == PlanRequest.decode(from: json))
    }

    @Test func aFHIRBundleCarriesEveryResourceValueByValue() throws {
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        let patient = UUID()
        let resources: [JSONValue] = [
            FHIRResources.patient(id: patient, givenName: "Pat", familyName: "Ient", birthDate: "1970-01-01", email: "p@example.org", phone: nil),
            FHIRResources.appointment(id: UUID(), patientID: patient, practitionerID: UUID(), kind: .treatment, status: .completed, start: start, minutes: 45),
        ]
        let bundle = FHIRResources.bundle(id: UUID(), timestamp: start, base: "https://clinic.example/fhir", resources: resources)
        #expect(try sameJSON(Components.Schemas.FHIRBundle(bundle), bundle))
    }
}
