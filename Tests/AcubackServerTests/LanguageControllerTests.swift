import AcubackCore
import AcubackStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AcubackServer
@testable import AcubackServices

/// Every page in the language the person chose, else the one their browser asks for.
@Suite struct LanguageControllerTests {
    @Test func theBrowsersLanguageChoosesThePagesAndTheAPIStaysEnglish() async throws {
        try await withTestWorld { client, _ in
            try await client.execute(uri: "/", method: .get, headers: [.acceptLanguage: "zh-CN,zh;q=0.9,en;q=0.8"]) { response in
                let page = response.body.text
                #expect(response.headers[.contentLanguage] == "zh-Hans")
                #expect(page.contains(#"<html lang="zh-Hans">"#))
                #expect(page.contains(">首页</a>"))
                #expect(page.contains(#"id="language-zh-Hans" aria-pressed="true">简体中文</button>"#))
            }
            try await client.execute(uri: "/", method: .get, headers: [.acceptLanguage: "fr"]) { response in
                #expect(response.body.text.contains(#"<html lang="en">"#))
                #expect(response.body.text.contains(">Home</a>"))
            }
            try await client.execute(uri: "/api/v1/practitioners", method: .get, headers: [.acceptLanguage: "zh-CN"]) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentLanguage] == nil)
            }
        }
    }

    @Test func theSwitchIsRememberedInTheBrowserBeforeSignIn() async throws {
        try await withTestWorld { client, _ in
            let csrf = try await client.execute(uri: "/", method: .get) { response in
                try #require(response.headers[values: .setCookie].first { $0.hasPrefix("\(AuthCookie.csrf)=") }?
                    .split(separator: ";").first?.split(separator: "=").last.map(String.init))
            }
            var headers: HTTPFields = formHeaders
            headers[.cookie] = "\(AuthCookie.csrf)=\(csrf)"
            let chosen = try await client.execute(
                uri: "/language", method: .post, headers: headers, body: form([("_csrf", csrf), ("lang", "zh-Hans"), ("back", "/learn/back-pain")])
            ) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/learn/back-pain")
                return try #require(response.headers[values: .setCookie].first { $0.hasPrefix("\(AuthCookie.language)=") })
            }
            #expect(chosen.hasPrefix("\(AuthCookie.language)=zh-Hans;"))
            try await client.execute(uri: "/", method: .get, headers: [.cookie: "\(AuthCookie.language)=zh-Hans", .acceptLanguage: "en"]) { response in
                #expect(response.body.text.contains(#"<html lang="zh-Hans">"#), "the switch outranks the browser's header")
            }
            // Only a language offered, and only back to this site.
            try await client.execute(uri: "/language", method: .post, headers: headers, body: form([("_csrf", csrf), ("lang", "fr"), ("back", "/")])) {
                #expect($0.status == .badRequest)
            }
            try await client.execute(
                uri: "/language", method: .post, headers: headers, body: form([("_csrf", csrf), ("lang", "en"), ("back", "//evil.example/")])
            ) { #expect($0.headers[.location] == "/") }
        }
    }

    @Test func aSignedInPersonsChoiceIsKeptOnTheAccountAndAudited() async throws {
        try await withTestWorld { client, world in
            var headers = world.headers(.patient)
            headers[.contentType] = "application/x-www-form-urlencoded"
            let before = try await UseCaseDoorTests.newestEvents(world).first?.sequence ?? 0
            try await client.execute(
                uri: "/language", method: .post, headers: headers, body: form([("_csrf", world.csrf(.patient)), ("lang", "zh-Hans"), ("back", "/me")])
            ) { #expect($0.status == .seeOther) }
            let event = try #require(try await UseCaseDoorTests.newestEvents(world).first)
            #expect(event.sequence > before)
            #expect(event.action == AuditAction.userLanguage.rawValue)
            // Another device: no language cookie, an English browser; the account decides.
            var elsewhere = world.headers(.patient)
            elsewhere[.acceptLanguage] = "en-GB"
            try await client.execute(uri: "/me/visits", method: .get, headers: elsewhere) { response in
                #expect(response.body.text.contains(#"<html lang="zh-Hans">"#))
                #expect(response.body.text.contains("退出登录"))
            }
            try await client.execute(uri: "/", method: .get, headers: world.headers(.reception)) { response in
                #expect(response.body.text.contains(#"<html lang="en">"#), "one person's choice is theirs alone")
            }
        }
    }
}
