import Foundation

/// The words of one language: every string a page, mail, message or error shows a person, by key.
/// Kept in `Resources/Locales/<tag>.json`, one flat object of dotted keys. A value is a string, or
/// for a counted phrase an object by plural category (`{"one": "{count} needle", "other": …}`).
/// `{name}` in a value is filled in from the arguments.
public struct Catalogue: Sendable {
    public enum Entry: Sendable, Equatable, Decodable {
        case text(String)
        case plural([PluralCategory: String])

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                self = .text(text)
                return
            }
            let forms = try container.decode([String: String].self)
            var plural: [PluralCategory: String] = [:]
            for (name, form) in forms {
                guard let category = PluralCategory(rawValue: name) else {
                    throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(name)' is not a plural category")
                }
                plural[category] = form
            }
            self = .plural(plural)
        }

        /// Every form of the entry, for the checks that compare catalogues.
        var forms: [String] {
            switch self {
            case .text(let text): [text]
            case .plural(let forms): Array(forms.values)
            }
        }
    }

    public let language: Language
    public let entries: [String: Entry]

    public init(language: Language, entries: [String: Entry]) {
        self.language = language
        self.entries = entries
    }

    /// The text under `key` with its `{name}` placeholders filled in. A key the catalogue lacks
    /// comes back as the key itself, so that a page showing it is caught rather than left blank.
    public func text(_ key: String, _ arguments: [String: String] = [:]) -> String {
        switch entries[key] {
        case .text(let text): Self.fill(text, arguments)
        case .plural(let forms): Self.fill(forms[.other] ?? key, arguments)
        case nil: key
        }
    }

    /// The counted phrase under `key` in the plural form the language uses for `count`; `{count}`
    /// is the count as the language writes numbers.
    public func plural(_ key: String, count: Int, _ arguments: [String: String] = [:]) -> String {
        var arguments = arguments
        arguments["count"] = NumberWords.integer(count, in: language)
        switch entries[key] {
        case .plural(let forms): return Self.fill(forms[PluralCategory(count: count, in: language)] ?? forms[.other] ?? key, arguments)
        case .text(let text): return Self.fill(text, arguments)
        case nil: return key
        }
    }

    static func fill(_ text: String, _ arguments: [String: String]) -> String {
        guard text.contains("{") else { return text }
        var filled = text
        for (name, value) in arguments { filled = filled.replacingOccurrences(of: "{\(name)}", with: value) }
        return filled
    }

    /// The names between braces in a text, which every language's form of a key must share.
    static func placeholders(in text: String) -> Set<String> {
        var names: Set<String> = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}

/// Numbers as a language writes them.
public enum NumberWords {
    public static func integer(_ value: Int, in language: Language) -> String {
        value.formatted(.number.locale(Locale(identifier: language.tag)))
    }
}
