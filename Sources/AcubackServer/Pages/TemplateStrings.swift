import AcubackServices

/// Each language's catalogue texts as nested dictionaries, built once, so that a template reads
/// `{{t.guide.title}}` for the key `guide.title`. Counted phrases are not here: they need a count,
/// which the page's model fills in through `Catalogue.plural`.
final class TemplateStrings: @unchecked Sendable {
    // Never changed after init, so it is safe to share between requests.
    private let byLanguage: [Language: [String: Any]]

    init(_ catalogues: Catalogues) {
        byLanguage = catalogues.byLanguage.mapValues { catalogue in
            var root: [String: Any] = [:]
            for (key, entry) in catalogue.entries {
                guard case .text(let text) = entry else { continue }
                Self.insert(text, at: key.split(separator: ".").map(String.init)[...], into: &root)
            }
            return root
        }
    }

    subscript(language: Language) -> [String: Any] { byLanguage[language] ?? [:] }

    private static func insert(_ text: String, at path: ArraySlice<String>, into node: inout [String: Any]) {
        guard let head = path.first else { return }
        if path.count == 1 {
            node[head] = text
            return
        }
        var child = node[head] as? [String: Any] ?? [:]
        insert(text, at: path.dropFirst(), into: &child)
        node[head] = child
    }
}
