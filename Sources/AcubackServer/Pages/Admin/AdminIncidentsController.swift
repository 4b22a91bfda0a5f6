import AcubackCore
import AcubackStore
import Foundation
import Hummingbird

/// Needles lost and serious after-effects, for the clinic admin to follow up.
struct AdminIncidentsController {
    let renderer: PageRenderer
    let services: AppServices

    func addRoutes(to router: Router<AcubackRequestContext>) {
        router.get("/admin/incidents") { request, context in
            let actor = try context.requireActor(.readIncidents)
            try context.require(.readIncidents, .clinic(actor.clinicID))
            let incidents = try await TreatmentSessionStore(services.database).incidents(clinicID: actor.clinicID)
            let zone = try await ClinicStore(services.database).settings(clinicID: actor.clinicID).zone
            try await services.record("incident.list", by: actor, clinicID: actor.clinicID, recordType: "incidents", from: context.clientAddress)
            return try renderer.render("admin-incidents", context, path: "/admin/incidents", values: [
                "incidents": incidents.map {
                    [
                        "when": DisplayTime.format($0.occurredAt, in: zone), "kind": $0.kind == .needleLost ? "Needle not found" : "Serious after-effect",
                        "patient": $0.patientName, "patientId": $0.patientID.uuidString, "sessionId": $0.sessionID.uuidString, "detail": $0.detail,
                    ]
                },
                "hasIncidents": !incidents.isEmpty,
            ]).response(from: request, context: context)
        }
    }
}
