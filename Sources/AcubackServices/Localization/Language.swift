import Foundation

/// A language the pages, mails and messages are written in. The API stays in English apart from
/// its error `detail`.
public enum Language: String, Sendable, CaseIterable, Codable {
    case english = "en"
    case simplifiedChinese = "zh-Hans"

    /// The language of a page when nothing chose another.
    public static let standard = Language.english

    /// The language's name in itself, as the switch offers it to someone who may read no other.
    public var ownName: String {
        switch self {
        case .english: "English"
        case .simplifiedChinese: "简体中文"
        }
    }

    /// The BCP 47 tag for `<html lang>` and `Content-Language`.
    public var tag: String { rawValue }

    /// The language by its tag or a close one: "zh", "zh-CN", "zh-SG" and "zh-Hans-CN" are Simplified
    /// Chinese; "zh-TW" and "zh-Hant" are not offered, so they choose nothing.
    public init?(tag: String) {
        let parts = tag.trimmingCharacters(in: .whitespaces).lowercased().split(separator: "-").map(String.init)
        guard let primary = parts.first else { return nil }
        switch primary {
        case "en":
            self = .english
        case "zh":
            let rest = Set(parts.dropFirst())
            guard rest.isDisjoint(with: ["hant", "tw", "hk", "mo"]) else { return nil }
            self = .simplifiedChinese
        default:
            return nil
        }
    }

    /// The first offered language of an `Accept-Language` header, by its quality values; nil
    /// when it names none of them.
    public static func preferred(acceptLanguage header: String) -> Language? {
        let ranges = header.split(separator: ",").enumerated().compactMap { index, part -> (Language, Double, Int)? in
            let fields = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = fields.first, let language = Language(tag: tag) else { return nil }
            let quality = fields.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return quality > 0 ? (language, quality, index) : nil
        }
        return ranges.sorted { ($0.1, -$0.2) > ($1.1, -$1.2) }.first?.0
    }
}
