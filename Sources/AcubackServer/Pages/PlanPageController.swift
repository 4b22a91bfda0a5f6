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
        let form = PlanForm(FormFields(request.uri.queryParameters))
        var values: [String: Any] = [:]
        var errors: [FieldError] = []
        if form.isSubmitted {
            do {
                let planRequest = try form.request()
                let plan = try planRequest.plan(with: engine)
                values.merge(Self.context(for: plan, regions: planRequest.assessment.regions)) { _, new in new }
            } catch {
                errors = error.errors
            }
        }
        values.merge(form.context(errors: errors)) { _, new in new }
        return try renderer.render("plan", context, path: "/plan", values: values, status: errors.isEmpty ? .ok : .badRequest)
    }

    static func context(for plan: TreatmentPlan, regions: [BackRegion]) -> [String: Any] {
        let catalogue = PointCatalogue.standard
        let chart = BackChart(plan: plan, painfulRegions: regions, catalogue: catalogue).render()
        let needles = plan.needles.map { needle -> [String: Any] in
            let point = catalogue.point(needle.point)
            return [
                "role": needle.role.rawValue, "point": needle.point, "name": point?.pinyin ?? "",
                "side": needle.side.rawValue + (needle.site.map { " (\($0))" } ?? ""), "depth": needle.maxDepthMm,
                "angle": PositionText.words(needle.angle.rawValue), "reason": needle.reason,
            ]
        }
        let findings = plan.findings.map { finding -> [String: Any] in
            var entry: [String: Any] = [
                "severity": finding.severity.rawValue, "id": finding.id, "message": finding.message,
                "unresolved": finding.isUnresolvedBlock,
                "needsAck": finding.needsAcknowledgement, "acknowledged": plan.isAcknowledged(finding),
                "source": ClinicalSources.source(id: finding.source)?.citation ?? finding.source,
            ]
            // Absent keys, not nil values: Mustache would print a boxed nil.
            if let resolution = finding.resolution { entry["resolution"] = resolution }
            return entry
        }
        let references = plan.sourceIDs.compactMap(ClinicalSources.source(id:)).map { ["id": $0.id, "citation": $0.citation] }
        return [
            "plan": true, "chart": chart, "needles": needles, "findings": findings, "hasFindings": !findings.isEmpty,
            "protocol": plan.protocolName, "needleCount": plan.needleCount,
            "position": PositionText.describe(plan.position), "retention": plan.retentionMinutes,
            "electroacupuncture": plan.electroacupuncture, "rationale": plan.rationale, "usable": plan.isUsable,
            "pendingCount": plan.pendingAcknowledgements.count,
            "blocked": plan.findings.contains(where: \.isUnresolvedBlock), "references": references,
            "catalogueVersion": plan.catalogueVersion,
        ]
    }
}
