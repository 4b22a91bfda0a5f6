import Foundation

/// Every language's catalogue, read once from the resource bundle when the server starts.
public struct Catalogues: Sendable {
    public let byLanguage: [Language: Catalogue]

    public init(_ byLanguage: [Language: Catalogue]) { self.byLanguage = byLanguage }

    public subscript(language: Language) -> Catalogue {
        byLanguage[language] ?? Catalogue(language: language, entries: [:])
    }

    /// The catalogues shipped in `Resources/Locales`.
    public static func load() throws -> Catalogues {
        var byLanguage: [Language: Catalogue] = [:]
        for language in Language.allCases {
            guard let url = Bundle.module.url(forResource: language.tag, withExtension: "json", subdirectory: "Resources/Locales") else {
                throw CatalogueError.missing(language)
            }
            let entries = try JSONDecoder().decode([String: Catalogue.Entry].self, from: Data(contentsOf: url))
            byLanguage[language] = Catalogue(language: language, entries: entries)
        }
        return Catalogues(byLanguage)
    }

    /// Each language's texts marked as coming from the catalogue: `⟦…⟧` around every form, the
    /// placeholders kept. A page rendered with them shows at a glance any text that did not.
    public var pseudo: Catalogues {
        Catalogues(byLanguage.mapValues { catalogue in
            Catalogue(language: catalogue.language, entries: catalogue.entries.mapValues { entry in
                switch entry {
                case .text(let text): .text("⟦\(text)⟧")
                case .plural(let forms): .plural(forms.mapValues { "⟦\($0)⟧" })
                }
            })
        })
    }

    /// What is wrong between the catalogues: a key one language lacks, a counted phrase without
    /// a form its language needs, a placeholder one language's form has and another's lacks, a
    /// key that is also the start of others.
    /// `make test` requires none.
    public var problems: [String] {
        var problems: [String] = []
        let keys = Set(byLanguage.values.flatMap(\.entries.keys))
        for key in keys.sorted() {
            // A template reads `t.a.b` through nested objects, so `a.b` cannot also be a text.
            if keys.contains(where: { $0.hasPrefix(key + ".") }) { problems.append("\(key): a text and also the start of other keys") }
            var placeholders: [Language: Set<String>] = [:]
            for language in Language.allCases {
                guard let entry = self[language].entries[key] else {
                    problems.append("\(key): missing in \(language.tag)")
                    continue
                }
                if case .plural(let forms) = entry {
                    for category in PluralCategory.used(by: language) where forms[category] == nil {
                        problems.append("\(key): no '\(category.rawValue)' form in \(language.tag)")
                    }
                }
                placeholders[language] = entry.forms.reduce(into: Set<String>()) { $0.formUnion(Catalogue.placeholders(in: $1)) }
            }
            if Set(placeholders.values).count > 1 {
                let listed = placeholders.sorted { $0.key.tag < $1.key.tag }.map { "\($0.key.tag) {\($0.value.sorted().joined(separator: ", "))}" }
                problems.append("\(key): placeholders differ: \(listed.joined(separator: "; "))")
            }
        }
        return problems
    }
}

public enum CatalogueError: Error, CustomStringConvertible {
    case missing(Language)

    public var description: String {
        switch self {
        case .missing(let language): "no catalogue Resources/Locales/\(language.tag).json"
        }
    }
}
