import AcubackCore
import AcubackStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AcubackServer
@testable import AcubackServices

@Suite struct APIServiceInteropTests {
    @Test func aPatientsBundleHoldsEveryResourceItRefersTo() async throws {
        try await withTestWorld { client, world in
            try await client.execute(uri: "/api/v1/patients/\(world.ownPatientID)/fhir", method: .get, headers: world.headers(.practitioner)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/fhir+json") == true)
                let bundle = try response.body.json()
                #expect(bundle["resourceType"] as? String == "Bundle" && bundle["type"] as? String == "collection")
                let resources = try #require(bundle["entry"] as? [[String: Any]]).compactMap { $0["resource"] as? [String: Any] }
                let present = Set(resources.map { "\($0["resourceType"]!)/\($0["id"]!)" })
                let types = Set(resources.compactMap { $0["resourceType"] as? String })
                #expect(types.isSuperset(of: ["Patient", "Organization", "Practitioner", "PractitionerRole", "Appointment", "CarePlan", "Procedure", "Observation"]))
                func references(_ value: Any) -> [String] {
                    if let object = value as? [String: Any] {
                        return (object["reference"] as? String).map { [$0] } ?? [] + object.values.flatMap(references)
                    }
                    if let array = value as? [Any] { return array.flatMap(references) }
                    return []
                }
                let dangling = Set(resources.flatMap(references)).subtracting(present)
                #expect(dangling.isEmpty, "references outside the Bundle: \(dangling)")
                let procedures = resources.filter { $0["resourceType"] as? String == "Procedure" }
                #expect(procedures.contains { ($0["bodySite"] as? [Any])?.count ?? 0 >= 8 }, "the demo sessions carry their ledgers")
            }
            let events = try await AuditTrail(world.store).search(AuditTrail.Filter(clinicID: world.clinic.id, patientIDs: [world.ownPatientID]), limit: 500)
            #expect(events.items.contains { $0.action == "patient.export-fhir" })
            try await client.execute(uri: "/api/v1/patients/\(world.ownPatientID)/fhir", method: .get, headers: world.headers(.reception)) { response in
                #expect(response.status == .forbidden)
            }
        }
    }
}
