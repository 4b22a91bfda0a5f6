/// The CLDR plural categories a catalogue entry may hold, and the rule that picks one for a count
/// in each language (CLDR's language plural rules: English has "one" for exactly 1 and "other";
/// Chinese has only "other").
public enum PluralCategory: String, Sendable, CaseIterable, Codable {
    case zero, one, two, few, many, other

    public init(count: Int, in language: Language) {
        switch language {
        case .english: self = count == 1 ? .one : .other
        case .simplifiedChinese: self = .other
        }
    }

    /// The categories a language uses; a catalogue's plural entry must hold each of them.
    public static func used(by language: Language) -> [PluralCategory] {
        switch language {
        case .english: [.one, .other]
        case .simplifiedChinese: [.other]
        }
    }
}
