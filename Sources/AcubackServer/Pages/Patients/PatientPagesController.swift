import AcubackServices
import AcubackCore
import Foundation
import Hummingbird

/// The staff list of patients, one patient's record, and a patient's own record (the portal).
/// Reception sees contact details only; practitioners and admins also the clinical record.
struct PatientPagesController {
    let renderer: PageRenderer
    let services: AppServices

    func addRoutes(to router: Router<AcubackRequestContext>) {
        addCareRoutes(to: router)
        addTreatmentRoutes(to: router)
        addConsultationRoutes(to: router)
        router.get("/patients") { request, context in try await list(request, context) }
        router.get("/patients/{id}") { request, context in
            guard let id = context.parameters.get("id", as: UUID.self) else { throw HTTPError(.notFound) }
            return try await record(id, request, context)
        }
        router.get("/me") { _, context in
            try context.require(.readOwnRecord)
            guard let patientID = context.actor?.patientID else { throw HTTPError(.notFound) }
            return Response.redirect(to: "/patients/\(patientID.uuidString)", type: .normal)
        }
    }

    private func list(_ request: Request, _ context: AcubackRequestContext) async throws -> Response {
        try context.require(.listPatients, .clinic(context.actor?.clinicID ?? UUID()))
        let actor = context.actor!
        let form = FormFields(request.uri.queryParameters)
        let page = try Page(limit: 50, offset: Int(form.text("offset")) ?? 0)
        let result = try await services.patients.list(matching: form.text("q"), limit: page.limit, offset: page.offset, by: actor, from: context.clientAddress)
        let query = form.text("q").isEmpty ? "" : "q=\(form.text("q").addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        return try renderer.render("patients", context, path: "/patients", values: [
            "q": form.text("q"),
            "patients": result.items.map { ["id": $0.id.uuidString, "name": $0.name, "birthDate": $0.birthDate, "email": $0.email ?? "", "phone": $0.phone ?? ""] },
            "pager": Pager(total: result.total, page: page, path: "/patients", query: query).context,
        ]).response(from: request, context: context)
    }

    func record(
        _ id: UUID, _ request: Request, _ context: AcubackRequestContext, extra: [String: Any] = [:], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        // An unknown patient and another clinic's patient look the same from outside.
        guard let actor = context.actor else { throw AccessDenied(signedIn: false, reason: "sign in to see a record") }
        let (patient, clinical) = try await services.patients.read(id: id, by: actor, from: context.clientAddress)
        var values: [String: Any] = [
            "name": patient.name, "birthDate": patient.birthDate, "email": patient.email ?? "", "phone": patient.phone ?? "",
            "own": actor.patientID == patient.id,
        ]
        if let clinical {
            values["clinical"] = ClinicalView.context(risks: clinical.risks.on(CalendarDay(services.now(), in: .gmt)))
        }
        values.merge(try await careContext(patient, actor)) { _, new in new }
        let zone = try await services.clinic.settings(clinicID: patient.clinicID).zone
        values.merge(try await consultationContext(patient, actor, query: FormFields(request.uri.queryParameters), zone: zone)) { _, new in new }
        values.merge(try await treatmentContext(patient, actor, query: FormFields(request.uri.queryParameters))) { _, new in new }
        values.merge(extra) { _, new in new }
        return try renderer.render(
            "patient", context, path: actor.role == .patient ? "/me" : "/patients", values: values, status: status
        ).response(from: request, context: context)
    }
}

/// The clinical part of a patient's record, in words.
enum ClinicalView {
    static func context(risks: RiskFactors) -> [String: Any] {
        let flags = riskWords(risks)
        return [
            "risks": flags.isEmpty ? ["No risk factors recorded"] : flags,
        ]
    }

    /// The patient's risk factors in words, for the record and each assessment's snapshot.
    static func riskWords(_ risks: RiskFactors) -> [String] {
        var flags: [String] = []
        if let week = risks.pregnancyWeek { flags.append("Pregnant, week \(week)") }
        if risks.anticoagulants { flags.append("Takes anticoagulants") }
        if risks.bleedingDisorder != .none { flags.append("Bleeding disorder: \(risks.bleedingDisorder.rawValue)") }
        if risks.implantedDevice { flags.append("Pacemaker or implanted device") }
        if risks.lungDisease { flags.append("Chronic lung disease") }
        if risks.thoracicSurgery { flags.append("Previous thoracic surgery") }
        if let bmi = risks.bmi { flags.append("BMI \(String(format: "%.1f", bmi))") }
        if risks.faintingHistory { flags.append("History of fainting") }
        if risks.needlePhobia { flags.append("Needle phobia") }
        if risks.epilepsy { flags.append("Epilepsy") }
        if !risks.metalImplantRegions.isEmpty { flags.append("Metal implant: " + risks.metalImplantRegions.map { PositionText.words($0.rawValue).lowercased() }.joined(separator: ", ")) }
        if !risks.brokenSkinRegions.isEmpty { flags.append("Broken skin: " + risks.brokenSkinRegions.map { PositionText.words($0.rawValue).lowercased() }.joined(separator: ", ")) }
        if risks.cannotLieProne { flags.append("Cannot lie face down") }
        return flags
    }
}
