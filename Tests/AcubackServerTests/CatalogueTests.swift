import Foundation
import Testing

@testable import AcubackServer
@testable import AcubackServices

/// The catalogues the pages are written from: complete in every language, and filled in as their
/// entries say.
@Suite struct CatalogueTests {
    @Test func theShippedCataloguesHaveEveryKeyInEveryLanguage() throws {
        let catalogues = try Catalogues.load()
        #expect(catalogues.problems == [])
        #expect(catalogues[.english].entries.count > 20)
        #expect(catalogues[.english].text("nav.home") == "Home")
        #expect(catalogues[.simplifiedChinese].text("nav.home") == "首页")
    }

    /// Every `{{t.key}}` a template reads is in the catalogues: a missing one would render empty.
    @Test func everyKeyATemplateReadsIsInTheCatalogue() throws {
        let english = try Catalogues.load()[.english]
        let folder = URL(fileURLWithPath: ServerResources.path("Templates"))
        let reference = try NSRegularExpression(pattern: #"\{\{\{?[#^/]?t\.([A-Za-z0-9_.]+)"#)
        var read = 0
        for file in try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil) where file.pathExtension == "mustache" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in reference.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let key = String(text[Range(match.range(at: 1), in: text)!])
                read += 1
                #expect(english.entries[key] != nil, "\(file.lastPathComponent) reads t.\(key), which no catalogue has")
            }
        }
        #expect(read > 10)
    }

    @Test func problemsNameTheKeyAndWhatIsWrong() {
        let catalogues = Catalogues([
            .english: Catalogue(language: .english, entries: [
                "a": .text("Hello {name}"), "b": .plural([.other: "{count} needles"]), "c": .text("C"), "c.d": .text("D"),
            ]),
            .simplifiedChinese: Catalogue(language: .simplifiedChinese, entries: [
                "a": .text("你好"), "b": .plural([.other: "{count}根针"]), "c": .text("C"), "c.d": .text("D"), "e": .text("E"),
            ]),
        ])
        #expect(catalogues.problems == [
            "a: placeholders differ: en {name}; zh-Hans {}",
            "b: no 'one' form in en",
            "c: a text and also the start of other keys",
            "e: missing in en",
        ])
    }

    @Test func textsAreFilledInAndCountedInTheLanguagesPluralForm() {
        let english = Catalogue(language: .english, entries: [
            "needles": .plural([.one: "{count} needle in {place}", .other: "{count} needles in {place}"]), "hello": .text("Hello {name}"),
        ])
        #expect(english.plural("needles", count: 1, ["place": "the back"]) == "1 needle in the back")
        #expect(english.plural("needles", count: 0, ["place": "the back"]) == "0 needles in the back")
        #expect(english.plural("needles", count: 1_200, ["place": "the back"]) == "1,200 needles in the back")
        #expect(english.text("hello", ["name": "Mei"]) == "Hello Mei")
        #expect(english.text("no.such.key") == "no.such.key", "a missing key shows itself rather than nothing")
        let chinese = Catalogue(language: .simplifiedChinese, entries: ["needles": .plural([.other: "{place}{count}根针"])])
        #expect(chinese.plural("needles", count: 1, ["place": "背部"]) == "背部1根针")
    }

    @Test func thePseudoCataloguesMarkEveryTextAndKeepThePlaceholders() throws {
        let pseudo = try Catalogues.load().pseudo
        #expect(pseudo[.english].text("nav.home") == "⟦Home⟧")
        #expect(pseudo[.simplifiedChinese].text("nav.home") == "⟦首页⟧")
        #expect(pseudo.problems == [])
    }

    @Test func aCatalogueEntryIsATextOrFormsByPluralCategory() throws {
        let decoded = try JSONDecoder().decode([String: Catalogue.Entry].self, from: Data(#"{"a": "A", "b": {"one": "1", "other": "n"}}"#.utf8))
        #expect(decoded == ["a": .text("A"), "b": .plural([.one: "1", .other: "n"])])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([String: Catalogue.Entry].self, from: Data(#"{"b": {"several": "n"}}"#.utf8)) }
    }
}
