import Foundation

/// The short name of a clinic in addresses and command-line options: lower case, words joined by dashes.
public enum Slug {
    public static func make(_ name: String) -> String {
        let slug = name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }.reduce(into: "") { text, character in
            if !(character == "-" && text.last == "-") { text.append(character) }
        }
        return slug.trimmingCharacters(in: CharacterSet(charactersIn: "-")).isEmpty ? "clinic" : slug.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }
}
