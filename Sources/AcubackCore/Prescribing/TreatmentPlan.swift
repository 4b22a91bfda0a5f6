/// A proposed treatment: the needles, the position, the retention time, what the safety rules
/// found, and the protocol it follows with its rationale.
public struct TreatmentPlan: Sendable, Equatable {
    public var catalogueVersion: String
    public var needles: [PlannedNeedle]
    public var position: TreatmentPosition
    public var retentionMinutes: Int
    public var electroacupuncture: Bool
    public var findings: [Finding]
    public var protocols: [TreatmentProtocol]
    public var rationale: String
    /// What the practitioner has acknowledged: finding ids (`lung.depth-cap:BL13`), or a rule id
    /// (`lung.depth-cap`) to acknowledge every finding of that rule.
    public var acknowledged: [String]

    /// Each needle is one insertion; a bilateral point counts twice.
    public var needleCount: Int { needles.count }

    public var protocolName: String { protocols.map(\.name).joined(separator: " + ") }

    /// Findings that still need acknowledging by name before the plan may be used.
    public var pendingAcknowledgements: [String] {
        findings.filter { $0.needsAcknowledgement && !isAcknowledged($0) }.map(\.id)
    }

    public func isAcknowledged(_ finding: Finding) -> Bool {
        acknowledged.contains(finding.id) || acknowledged.contains(finding.rule)
    }

    /// True when no block is unresolved and every warning has been acknowledged.
    public var isUsable: Bool {
        !findings.contains(where: \.isUnresolvedBlock) && pendingAcknowledgements.isEmpty
    }

    /// Every source cited anywhere in the plan, once, in order of first use.
    public var sourceIDs: [String] {
        var seen: [String] = []
        for id in protocols.flatMap(\.sources) + needles.flatMap(\.sources) + findings.map(\.source) where !seen.contains(id) {
            seen.append(id)
        }
        return seen
    }
}

extension TreatmentPlan {
    /// The works the plan cites, each once, in the order the plan first cites them.
    public var references: [ClinicalSource] { sourceIDs.compactMap(ClinicalSources.source(id:)) }
}

extension TreatmentPlan: Codable {
    enum CodingKeys: String, CodingKey {
        case catalogueVersion, needles, needleCount, position, retentionMinutes, electroacupuncture, findings
        case protocolName = "protocol", protocols = "protocolIds", rationale, acknowledged, pendingAcknowledgements
        case usable, references
    }

    struct Reference: Codable, Equatable {
        let id: String
        let citation: String
        let link: String?
    }

    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        catalogueVersion = try values.decode(String.self, forKey: .catalogueVersion)
        needles = try values.decode([PlannedNeedle].self, forKey: .needles)
        position = try values.decode(TreatmentPosition.self, forKey: .position)
        retentionMinutes = try values.decode(Int.self, forKey: .retentionMinutes)
        electroacupuncture = try values.decode(Bool.self, forKey: .electroacupuncture)
        findings = try values.decode([Finding].self, forKey: .findings)
        protocols = try values.decode([TreatmentProtocol].self, forKey: .protocols)
        rationale = try values.decode(String.self, forKey: .rationale)
        acknowledged = try values.decodeIfPresent([String].self, forKey: .acknowledged) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var values = encoder.container(keyedBy: CodingKeys.self)
        try values.encode(catalogueVersion, forKey: .catalogueVersion)
        try values.encode(needles, forKey: .needles)
        try values.encode(needleCount, forKey: .needleCount)
        try values.encode(position, forKey: .position)
        try values.encode(retentionMinutes, forKey: .retentionMinutes)
        try values.encode(electroacupuncture, forKey: .electroacupuncture)
        try values.encode(findings, forKey: .findings)
        try values.encode(protocolName, forKey: .protocolName)
        try values.encode(protocols, forKey: .protocols)
        try values.encode(rationale, forKey: .rationale)
        try values.encode(acknowledged, forKey: .acknowledged)
        try values.encode(pendingAcknowledgements, forKey: .pendingAcknowledgements)
        try values.encode(isUsable, forKey: .usable)
        try values.encode(references.map { Reference(id: $0.id, citation: $0.citation, link: $0.link) }, forKey: .references)
    }
}
