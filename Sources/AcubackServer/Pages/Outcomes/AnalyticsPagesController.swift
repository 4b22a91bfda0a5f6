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
                return try await dashboard(request, context, extra: ["settingsError": refusal.message], status: refusal.status)
            }
            return Response.redirect(to: "/clinic/analytics?saved=1#settings", type: .normal)
        }
    }

    private func dashboard(
        _ request: Request, _ context: AcubackRequestContext, extra: [String: Any] = [:], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let actor = try context.requireActor(.readAnalytics)
        let analytics = try await outcomes.analytics(for: actor, from: context.clientAddress)
        let settings = try await outcomes.settings(clinicID: actor.clinicID)
        func number(_ value: Double?, _ suffix: String = "") -> String { value.map { SVG.number($0) + suffix } ?? "–" }
        func rows(_ groups: [ResponderGroup]) -> [[String: Any]] {
            groups.map {
                ["label": $0.label, "courses": $0.courses, "assessed": $0.assessed, "responders": $0.responders, "partial": $0.partial,
                 "nonResponders": $0.nonResponders, "rate": number($0.responderRate, " %"), "meanPoints": number($0.meanChangePoints),
                 "meanPercent": number($0.meanChangePercent, " %")]
            }
        }
        var values: [String: Any] = [
            "overall": rows([analytics.overall])[0], "sessions": analytics.sessions,
            "important": "at least \(SVG.number(analytics.importantPercent)) % or \(SVG.number(analytics.importantPoints)) points",
            "groups": [
                ["title": "By region", "id": "by-region", "rows": rows(analytics.byRegion)],
                ["title": "By protocol", "id": "by-protocol", "rows": rows(analytics.byProtocol)],
                ["title": "By practitioner", "id": "by-practitioner", "rows": rows(analytics.byPractitioner)],
            ],
            "rates": analytics.rates.map { rate -> [String: Any] in
                var row: [String: Any] = ["label": rate.label, "count": rate.count, "per100": number(rate.per100Sessions),
                                          "patients": number(rate.percentOfPatients, " %")]
                if let published = rate.published { row["published"] = published }
                if let source = rate.sourceID.flatMap { ClinicalSources.source(id: $0) } { row["source"] = source.citation }
                return row
            },
        ]
        if AccessPolicy.decide(actor, .manageUsers, .clinic(actor.clinicID)).isAllowed {
            values["settings"] = [
                "percent": SVG.number(settings.importantPercent), "points": SVG.number(settings.importantPoints),
                "instruments": Instrument.allCases.map { instrument -> [String: Any] in
                    var option: [String: Any] = ["value": instrument.rawValue, "label": instrument.title]
                    if settings.instruments.contains(instrument) { option["checked"] = true }
                    return option
                },
            ] as [String: Any]
        }
        if FormFields(request.uri.queryParameters).text("saved") == "1" { values["settingsSaved"] = true }
        values.merge(extra) { _, new in new }
        return try renderer.render("analytics", context, path: "/clinic/analytics", values: values, status: status)
            .response(from: request, context: context)
    }
}
