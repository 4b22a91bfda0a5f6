import AcubackAPI
import AcubackCore
import AcubackServices
import Foundation
import OpenAPIRuntime

// FHIR and STRICTA documents as the API's generated types. A FHIR resource's shape is set by the
// standard, not by our types, so the Core builds it as a JSON value and the API document declares
// it an open object: each resource is carried over value by value.

extension Components.Schemas.FHIRBundle {
    init(_ bundle: JSONValue) throws {
        guard case .array(let entries) = bundle["entry"] ?? .array([]) else { throw FHIRBundleShape(missing: "entry") }
        let timestamp = try bundle["timestamp"]?.stringValue.map { text in
            guard let date = try? Date(text, strategy: .iso8601) else { throw FHIRBundleShape(missing: "timestamp") }
            return date
        }
        self.init(
            resourceType: .bundle, id: bundle["id"]?.stringValue, _type: .collection, timestamp: timestamp,
            entry: try entries.map { entry in
                guard let fullUrl = entry["fullUrl"]?.stringValue, case .object(let resource) = entry["resource"] else {
                    throw FHIRBundleShape(missing: "entry.resource")
                }
                return .init(fullUrl: fullUrl, resource: .init(additionalProperties: try OpenAPIObjectContainer(unvalidatedValue: resource.mapValues(\.plainValue))))
            })
    }
}

/// The Core built a bundle without a part the API document requires: a defect, answered as 500.
struct FHIRBundleShape: Error {
    let missing: String
}

extension JSONValue {
    /// The value as the plain Swift values an open object holds.
    fileprivate var plainValue: (any Sendable)? {
        switch self {
        case .string(let value): value
        case .int(let value): value
        case .double(let value): value
        case .bool(let value): value
        case .array(let values): values.map(\.plainValue)
        case .object(let object): object.mapValues(\.plainValue)
        }
    }
}

extension Components.Schemas.StrictaReport {
    init(_ report: StrictaReport) {
        self.init(
            scope: .init(report.scope), items: report.items.map { .init(id: $0.id, title: $0.title, text: $0.text, notApplicable: $0.notApplicable) },
            source: .init(report.source))
    }
}

extension Components.Schemas.StrictaReport.ScopePayload {
    init(_ scope: StrictaReport.Scope) {
        switch scope {
        case .course: self = .course
        case .session: self = .session
        }
    }
}

extension Components.Schemas.StrictaNeedling {
    init(_ needling: StrictaNeedling) {
        self.init(
            insertions: needling.insertions, points: needling.points,
            depthMm: needling.depthMm.map { .init(min: $0.min, max: $0.max, mean: $0.mean) }, responseSought: needling.responseSought,
            stimulation: needling.stimulation.map(\.rawValue), electricalPairs: needling.electricalPairs,
            retentionMinutes: needling.retentionMinutes, needleTypes: needling.needleTypes)
    }
}
