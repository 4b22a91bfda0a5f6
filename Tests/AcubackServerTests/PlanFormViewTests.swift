import AcubackCore
import Mustache
import Testing

@testable import AcubackServer

/// The assessment form as the plan page and the consultation form on a record both draw it, from
/// one `PlanFormView` each template reads inside `{{#form}}`.
@Suite struct PlanFormViewTests {
    static let submitted = FormFields(values: [
        "check": ["1"], "regions": ["lower", "nowhere"], "side": ["both"], "onset": ["chronic"], "bmi": ["x"], "needlePhobia": ["on"],
    ])

    static func labels(_ value: Any) -> Set<String> {
        Set(Mirror(reflecting: value).children.compactMap(\.label))
    }

    /// Inside `{{#form}}` the form's own fields are found first, and what only the page holds
    /// (the form token, the consultation's own fields) is still found outside it.
    @Test func theFormSectionReadsTheFormAndStillSeesThePage() throws {
        struct Page: PageModel {
            let csrf: String
            let complaint: String
            let form: PlanFormView
        }
        let template = try MustacheTemplate(string: "{{#form}}{{csrf}}|{{complaint}}|{{bmi}}|{{#regions}}{{#checked}}{{value}}{{/checked}}{{/regions}}{{/form}}")
        let page = Page(csrf: "t", complaint: "sore", form: PlanFormView(FormFields(values: ["regions": ["lower"], "bmi": ["31"]]), errors: []))
        #expect(template.render(mustacheValues(of: page)) == "t|sore|31|lower")
    }

    @Test func anErrorStandsBesideItsFieldAndOnlyThere() throws {
        var errors: [FieldError] = []
        do {
            _ = try PlanForm(Self.submitted).request()
        } catch {
            errors = error.errors
        }
        let form = PlanFormView(Self.submitted, errors: errors)
        #expect(form.regionsError?.contains("'nowhere' is not one of") == true)
        #expect(form.bmiError == "must be a number")
        #expect(form.sideError == nil && form.onsetError == nil && form.pregnancyError == nil)
        #expect(form.regions.filter(\.checked).map(\.value) == ["lower"])
        #expect(form.flags.filter(\.checked).map(\.name) == ["needlePhobia"])
    }

    @Test func theConsultationFormKeepsWhatWasTypedAndNamesItsOwnErrors() throws {
        let fields = FormFields(values: ["complaint": [" Sore back "], "redFlags": ["nightPain"], "slrLeft": ["x"]])
        let form = ConsultationFormView(fields, errors: [
            FieldError(field: "complaint", rule: "is required"), FieldError(field: "examination.straightLegRaiseLeft", rule: "must be a whole number of degrees"),
        ])
        #expect(form.complaint == "Sore back")
        #expect(form.complaintError == "is required")
        #expect(form.examError == "Straight leg raise left: must be a whole number of degrees")
        #expect(form.durationError == nil && form.redFlagsError == nil)
        #expect(form.redFlagGroups.flatMap(\.flags).filter(\.checked).map(\.value) == ["nightPain"])
    }
}
