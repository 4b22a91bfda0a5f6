import Testing

@testable import AcubackServices

/// Which language a tag or a browser's `Accept-Language` asks for.
@Suite struct LanguageTests {
    @Test(arguments: [
        ("en", Language.english), ("en-GB", .english), ("zh", .simplifiedChinese), ("zh-CN", .simplifiedChinese),
        ("zh-Hans", .simplifiedChinese), ("zh-Hans-SG", .simplifiedChinese), ("ZH-cn", .simplifiedChinese),
    ])
    func aTagOrAnyCloseOneIsTheLanguage(tag: String, language: Language) {
        #expect(Language(tag: tag) == language)
    }

    @Test(arguments: ["zh-TW", "zh-Hant", "zh-HK", "fr", "", "x"])
    func traditionalChineseAndOtherLanguagesAreNotOffered(tag: String) {
        #expect(Language(tag: tag) == nil)
    }

    @Test func theBrowsersFirstOfferedLanguageByQualityWins() {
        #expect(Language.preferred(acceptLanguage: "zh-CN,zh;q=0.9,en;q=0.8") == .simplifiedChinese)
        #expect(Language.preferred(acceptLanguage: "fr-FR, en;q=0.5, zh;q=0.7") == .simplifiedChinese)
        #expect(Language.preferred(acceptLanguage: "zh-TW, en-US;q=0.8") == .english)
        #expect(Language.preferred(acceptLanguage: "en;q=0.6, zh;q=0.6") == .english, "equal quality: the first named")
        #expect(Language.preferred(acceptLanguage: "zh;q=0, en;q=0.1") == .english, "q=0 refuses a language")
        #expect(Language.preferred(acceptLanguage: "de, fr") == nil)
        #expect(Language.preferred(acceptLanguage: "") == nil)
    }
}
