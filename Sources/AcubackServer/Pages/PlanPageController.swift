import AcubackServices
import AcubackCore
import Hummingbird

/// The plan page: the assessment form, and once submitted the proposed plan on the back chart
/// with the safety findings beside it. Nothing is stored; it is a preview.
struct PlanPageController {
    let renderer: PageRenderer
    let engine = PrescriptionEngine()

    func addRoutes(to router: Router<AcubackRequestContext>) {
        router.get("/plan") { request, context in
            try context.require(.planTreatment)
            return try page(for: request, context: context)
        }
    }

    func page(for request: Request, context: AcubackRequestContext) throws -> HTML {
        let fields = FormFields(request.uri.queryParameters)
        let form = PlanForm(fields)
        var plan: PlanResultView?
        var errors: [FieldError] = []
        if form.isSubmitted {
            do {
                let planRequest = try form.request()
                plan = PlanResultView(try planRequest.plan(with: engine), regions: planRequest.assessment.regions)
            } catch {
                errors = error.errors
            }
        }
        return try renderer.render(
            "plan", context, path: "/plan", model: PlanPage(form: PlanFormView(fields, errors: errors), errors: errors, plan: plan),
            status: errors.isEmpty ? .ok : .badRequest)
    }
}
