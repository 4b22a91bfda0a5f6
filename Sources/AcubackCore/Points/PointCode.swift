import Foundation

/// Turns what a practitioner types into the catalogue's code: case, spaces and dashes do not
/// matter, and the older meridian abbreviations are accepted (UB23 → BL23, Du4 → GV4, Ren6 → CV6,
/// Liv3 or LV3 → LR3, SJ5 or TW5 → TE5; CLINICAL.md §2).
public enum PointCode {
    static let aliases: [(prefix: String, meridian: String)] = [
        ("UB", "BL"), ("DU", "GV"), ("REN", "CV"), ("LIV", "LR"), ("LV", "LR"), ("SJ", "TE"), ("TW", "TE"),
    ]

    /// The lookup key: upper case letters and digits only, aliases resolved.
    public static func key(_ text: String) -> String {
        let compact = String(text.uppercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }
            .map(Character.init))
        for alias in aliases where compact.hasPrefix(alias.prefix) {
            let rest = compact.dropFirst(alias.prefix.count)
            if !rest.isEmpty, rest.allSatisfy(\.isNumber) { return alias.meridian + rest }
        }
        return compact
    }
}
