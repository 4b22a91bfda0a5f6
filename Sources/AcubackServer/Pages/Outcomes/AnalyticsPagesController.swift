import AcubackServices
import AcubackCore
import Foundation
import Hummingbird

/// The clinic's outcome dashboard, its CSV download, and (for the clinic admin) the important
/// difference and the licensed questionnaires.
struct AnalyticsPagesController {
    let renderer: PageRenderer
    let services: AppServices

    var outcomes: OutcomeService { OutcomeService(services: services) }

    func addRoutes(to router: Router<AcubackRequestContext>) {
        router.get("/clinic/analytics") { request, context in try await dashboard(request, context) }
        router.get("/clinic/analytics.csv") { _, context in
            let actor = try context.requireActor(.readAnalytics)
            let analytics = try await outcomes.analytics(for: actor, from: context.clientAddress)
            return Response(
                status: .ok,
                headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"acuback-outcomes.csv\"",
                          .cacheControl: "private, no-store"],
                body: .init(byteBuffer: ByteBuffer(string: analytics.csv)))
        }
        router.post("/clinic/analytics/settings") { request, context in
            let actor = try context.requireActor(.manageUsers)
            let form = try await FormFields.of(request)
            do {
                guard let percent = Double(form.text("importantPercent")) else {
                    throw ValidationError(field: "importantPercent", rule: "must be a number from 10 to 90")
                }
                guard let points = Double(form.text("importantPoints").replacingOccurrences(of: ",", with: ".")) else {
                    throw ValidationError(field: "importantPoints", rule: "must be a number from 0.5 to 5")
                }
                let instruments = Set(form.all("instruments").compactMap(Instrument.init(rawValue:)))
                try await outcomes.saveSettings(
                    OutcomeSettings(importantPercent: percent, importantPoints: points, instruments: instruments), by: actor, from: context.clientAddress)
            } catch let error as any ProblemConvertible {
                let refusal = error.problem(instance: nil).pageRefusal
                return try await dashboard(request, context, settingsError: refusal.message, status: refusal.status)
            }
            return Response.redirect(to: "/clinic/analytics?saved=1#settings", type: .normal)
        }
    }

    private func dashboard(
        _ request: Request, _ context: AcubackRequestContext, settingsError: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let actor = try context.requireActor(.readAnalytics)
        let analytics = try await outcomes.analytics(for: actor, from: context.clientAddress)
        let settings = try await outcomes.settings(clinicID: actor.clinicID)
        let model = AnalyticsPage(
            analytics,
            settings: AccessPolicy.decide(actor, .manageUsers, .clinic(actor.clinicID)).isAllowed ? AnalyticsPage.Settings(settings) : nil,
            saved: FormFields(request.uri.queryParameters).text("saved") == "1", settingsError: settingsError)
        return try renderer.render("analytics", context, path: "/clinic/analytics", model: model, status: status)
            .response(from: request, context: context)
    }
}
