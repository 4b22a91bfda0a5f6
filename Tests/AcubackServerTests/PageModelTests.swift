import Mustache
import Testing

@testable import AcubackServer

@Suite struct PageModelTests {
    struct Row: Sendable {
        let name: String
    }

    struct Page: PageModel {
        let title: String
        let message: String?
        let warning: String?
        let rows: [Row]
        let saved: Bool
    }

    @Test func storedPropertiesBecomeTheTemplatesKeysAndANilOptionalIsLeftOut() throws {
        let values = mustacheValues(of: Page(title: "Users", message: "Saved.", warning: nil, rows: [Row(name: "Ann")], saved: false))
        #expect(Set(values.keys) == ["title", "message", "rows", "saved"])
        #expect(values["message"] as? String == "Saved.", "a set Optional is stored unwrapped")
        #expect((values["rows"] as? [Row])?.first?.name == "Ann")
        #expect(values["saved"] as? Bool == false)
    }

    @Test func aNilOptionalKeepsItsSectionOutOfTheRenderedPage() throws {
        let template = try MustacheTemplate(string: "{{#warning}}[{{warning}}]{{/warning}}{{title}}{{#message}}: {{message}}{{/message}}")
        let quiet = template.render(mustacheValues(of: Page(title: "Users", message: nil, warning: nil, rows: [], saved: false)))
        #expect(quiet == "Users")
        let loud = template.render(mustacheValues(of: Page(title: "Users", message: "Saved", warning: "Check", rows: [], saved: true)))
        #expect(loud == "[Check]Users: Saved")
    }
}
