import Hummingbird
import HummingbirdTesting
import Testing

@testable import AcubackServer
@testable import AcubackServices

@Suite struct PublicPagesControllerTests {
    @Test func thePatientPageCoversWhatASessionIsLike() async throws {
        try await withTestApp { client, _ in
            try await client.execute(uri: "/learn/back-pain", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let html = response.body.text
                for section in [
                    "what-it-is", "where-needles-go", "during-a-session", "afterwards", "what-it-can-do", "a-course",
                    "certified", "tell-us", "sources",
                ] {
                    #expect(html.contains(#"<section id="\#(section)""#), "section \(section)")
                }
                for fact in ["More than 15 needles", "10 to 20 minutes", "lie face down", "sit upright", "feet", "ears", "Tiredness", "Soreness"] {
                    #expect(html.contains(fact), "fact \(fact)")
                }
                #expect(html.contains(#"aria-current="page">Acupuncture for back pain"#))
            }
        }
    }

    @Test func thePatientPageListsItsSources() async throws {
        try await withTestApp { client, _ in
            try await client.execute(uri: "/learn/back-pain", method: .get) { response in
                let html = response.body.text
                for source in PublicPagesController.patientPageSources {
                    #expect(html.contains(#"id="source-\#(source.id)""#))
                    if let link = source.link { #expect(html.contains(link)) }
                }
            }
        }
    }

    @Test func theHomePageLinksToTheGuide() async throws {
        try await withTestApp { client, _ in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.body.text.contains(#"href="/learn/back-pain""#))
            }
        }
    }

    @Test func theStylesheetIsServed() async throws {
        try await withTestApp { client, _ in
            try await client.execute(uri: "/static/css/acuback.css", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.body.text.contains(":focus-visible"))
            }
        }
    }

    @Test func anUnknownPageIsNotFound() async throws {
        try await withTestApp { client, _ in
            try await client.execute(uri: "/no-such-page", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}
