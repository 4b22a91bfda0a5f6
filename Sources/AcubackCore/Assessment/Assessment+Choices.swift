// Decoding the assessment's choices names the allowed values when a value is wrong.
extension BackRegion: NamedChoice {
    public init(from decoder: any Decoder) throws { self = try Self.decodeChoice(from: decoder) }
}

extension PainSide: NamedChoice {
    public init(from decoder: any Decoder) throws { self = try Self.decodeChoice(from: decoder) }
}

extension Onset: NamedChoice {
    public init(from decoder: any Decoder) throws { self = try Self.decodeChoice(from: decoder) }
}

extension SpinalLevel: NamedChoice {
    public init(from decoder: any Decoder) throws { self = try Self.decodeChoice(from: decoder) }
}

extension TreatmentPosition: NamedChoice {
    public init(from decoder: any Decoder) throws { self = try Self.decodeChoice(from: decoder) }
}

extension BleedingDisorder: NamedChoice {
    public init(from decoder: any Decoder) throws { self = try Self.decodeChoice(from: decoder) }
}

extension SkinRegion: NamedChoice {
    public init(from decoder: any Decoder) throws { self = try Self.decodeChoice(from: decoder) }
}
