import AcubackCore
import Mustache
import Testing

@testable import AcubackServer

/// The assessment form's fields are copied into the two models that draw them (the plan page and
/// the consultation form on a record), because both templates read them at the level of the form.
@Suite struct PlanFormViewTests {
    static let submitted = FormFields(values: [
        "check": ["1"], "regions": ["lower", "nowhere"], "side": ["both"], "onset": ["chronic"], "bmi": ["x"], "needlePhobia": ["on"],
    ])

    static func labels(_ value: Any) -> Set<String> {
        Set(Mirror(reflecting: value).children.compactMap(\.label))
    }

    @Test func everyFieldOfTheFormReachesBothModelsThatDrawIt() throws {
        let form = PlanFormView(Self.submitted, errors: [])
        let fields = Self.labels(form)
        #expect(fields.count == 22)
        #expect(fields.isSubset(of: Self.labels(PlanPage(form: form, errors: [], plan: nil))))
        #expect(fields.isSubset(of: Self.labels(ConsultationFormView(Self.submitted, errors: []))))
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

    @Test func theProposalIsFoundUnderItsKeyThoughItsTypeIsNotNamed() throws {
        struct Page: PageModel { let proposal: (any Sendable)? }
        let plan = try PlanForm(FormFields(values: ["check": ["1"], "regions": ["lower"], "side": ["both"], "onset": ["chronic"]]))
            .request().plan(with: PrescriptionEngine())
        let template = try MustacheTemplate(string: "{{#proposal}}[{{needleCount}} {{.}}]{{/proposal}}")
        let proposal = ProposalView(plan, regions: [.lower], edits: [])
        #expect(template.render(mustacheValues(of: Page(proposal: proposal))).hasPrefix("[\(plan.needleCount) "))
        #expect(template.render(mustacheValues(of: Page(proposal: ["Mon 09:00", "Thu 09:00"]))) == "[ Mon 09:00][ Thu 09:00]")
        #expect(template.render(mustacheValues(of: Page(proposal: nil))) == "")
    }
}
