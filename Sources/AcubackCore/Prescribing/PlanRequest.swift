import Foundation

/// What a plan is asked for with: the assessment, and optionally a practitioner's edits and the
/// findings they acknowledge. The same JSON serves the API and `acuback plan --assessment`.
public struct PlanRequest: Decodable, Sendable, Equatable {
    public var assessment: Assessment
    public var edits: [PlanEdit]
    public var acknowledged: [String]

    public init(assessment: Assessment, edits: [PlanEdit] = [], acknowledged: [String] = []) {
        self.assessment = assessment
        self.edits = edits
        self.acknowledged = acknowledged
    }

    enum CodingKeys: String, CodingKey {
        case edits, acknowledged
    }

    public init(from decoder: any Decoder) throws {
        assessment = try Assessment(from: decoder)
        let values = try decoder.container(keyedBy: CodingKeys.self)
        edits = try values.decodeIfPresent([PlanEdit].self, forKey: .edits) ?? []
        acknowledged = try values.decodeIfPresent([String].self, forKey: .acknowledged) ?? []
    }

    /// Reads a request from JSON, naming the field and the rule when it cannot.
    public static func decode(from data: Data) throws(ValidationError) -> PlanRequest {
        do {
            return try JSONDecoder().decode(PlanRequest.self, from: data)
        } catch let error as DecodingError {
            throw ValidationError([error.fieldError])
        } catch {
            throw ValidationError(field: "body", rule: "is not valid JSON")
        }
    }

    /// The plan for this request.
    public func plan(with engine: PrescriptionEngine = PrescriptionEngine()) throws(ValidationError) -> TreatmentPlan {
        try engine.plan(for: assessment, edits: edits, acknowledged: acknowledged)
    }
}
