import AcubackCore
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
        // A nested view is a dictionary too, so the template's look-ups need no reflection.
        #expect((values["rows"] as? [[String: Any]])?.first?["name"] as? String == "Ann")
        #expect(values["saved"] as? Bool == false)
    }

    struct Nested: PageModel {
        struct Patient: Sendable {
            let name: String
            let nickname: String?
            let born: CalendarDay
        }
        let patient: Patient?
        let others: [Patient]
        let title: String
    }

    @Test func nestedViewsRenderAsTheyDidWhenReflected() throws {
        let template = try MustacheTemplate(string: """
            {{#patient}}{{name}} ({{born}}){{#nickname}} "{{nickname}}"{{/nickname}} in {{title}}{{/patient}}\
            {{#others}};{{name}}{{^nickname}} -{{/nickname}}{{/others}}
            """)
        let ann = Nested.Patient(name: "Ann", nickname: "Annie", born: CalendarDay("1970-01-02")!)
        let bo = Nested.Patient(name: "Bo", nickname: nil, born: CalendarDay("1980-03-04")!)
        let page = Nested(patient: ann, others: [bo, ann], title: "Clinic")
        let values = mustacheValues(of: page)
        #expect((values["patient"] as? [String: Any])?["born"] is CalendarDay, "a value that prints itself stays as it is")
        #expect(template.render(values) == #"Ann (1970-01-02) "Annie" in Clinic;Bo -;Ann"#)
        // What Mustache makes of the structs themselves, reflecting them on every look-up.
        #expect(template.render(values) == template.render(page))
    }

    @Test func aNilOptionalKeepsItsSectionOutOfTheRenderedPage() throws {
        let template = try MustacheTemplate(string: "{{#warning}}[{{warning}}]{{/warning}}{{title}}{{#message}}: {{message}}{{/message}}")
        let quiet = template.render(mustacheValues(of: Page(title: "Users", message: nil, warning: nil, rows: [], saved: false)))
        #expect(quiet == "Users")
        let loud = template.render(mustacheValues(of: Page(title: "Users", message: "Saved", warning: "Check", rows: [], saved: true)))
        #expect(loud == "[Check]Users: Saved")
    }
}
