import AcubackAPI
import AcubackCore
import AcubackServices

// The Core's prescribing documents mapped straight to the API's generated types.

extension Components.Schemas.Problem {
    init(_ problem: Problem) {
        self.init(
            _type: problem.type, title: problem.title, status: problem.status, detail: problem.detail, instance: problem.instance,
            errors: problem.errors?.map { .init(field: $0.field, rule: $0.rule) })
    }
}

extension Components.Schemas.TreatmentPlan {
    init(_ plan: TreatmentPlan) {
        self.init(
            catalogueVersion: plan.catalogueVersion, needles: plan.needles.map(Components.Schemas.PlannedNeedle.init),
            needleCount: plan.needleCount, position: .init(plan.position), retentionMinutes: plan.retentionMinutes,
            electroacupuncture: plan.electroacupuncture, findings: plan.findings.map(Components.Schemas.Finding.init),
            _protocol: plan.protocolName, protocolIds: plan.protocols.map(ProtocolIdsPayloadPayload.init), rationale: plan.rationale,
            acknowledged: plan.acknowledged, pendingAcknowledgements: plan.pendingAcknowledgements, usable: plan.isUsable,
            references: plan.references.map(Components.Schemas.Reference.init))
    }
}

extension Components.Schemas.PlannedNeedle {
    init(_ needle: PlannedNeedle) {
        self.init(
            point: needle.point, side: .init(needle.side), site: needle.site, role: .init(needle.role), maxDepthMm: needle.maxDepthMm,
            angle: .init(needle.angle), reason: needle.reason, sources: needle.sources, origin: .init(needle.origin),
            depthSetByPractitioner: needle.depthSetByPractitioner)
    }
}

extension Components.Schemas.Finding {
    init(_ finding: Finding) {
        self.init(
            severity: .init(finding.severity), rule: finding.rule, point: finding.point, message: finding.message, source: finding.source,
            resolution: finding.resolution)
    }
}

extension Components.Schemas.Reference {
    init(_ source: ClinicalSource) {
        self.init(id: source.id, citation: source.citation, link: source.link)
    }
}

extension Components.Schemas.SavedPlan {
    init(_ saved: SavedPlan) {
        self.init(
            id: saved.id.uuidString, patientId: saved.patientID.uuidString, practitionerId: saved.practitionerID.uuidString,
            createdAt: saved.createdAt, plan: .init(saved.plan))
    }
}

extension Components.Schemas.Point {
    init(_ point: AcupuncturePoint) {
        self.init(
            source: point.source, code: point.code, pinyin: point.pinyin, hanzi: point.hanzi, english: point.english,
            meridian: point.meridian.map(Components.Schemas.Meridian.init), kind: .init(point.kind),
            needling: point.needling.map(Components.Schemas.Needling.init))
    }
}

extension Components.Schemas.Needling {
    init(_ needling: NeedlingData) {
        self.init(
            area: .init(needling.area), level: needling.level.map(Components.Schemas.SpinalLevel.init), line: needling.line.rawValue,
            bilateral: needling.bilateral, location: needling.location, depthMm: [needling.depthMm.min, needling.depthMm.max],
            angle: .init(needling.angle), zones: needling.zones.map(ZonesPayloadPayload.init),
            chart: needling.chart.map { .init(view: .init($0.view), x: $0.x, y: $0.y) }, alternatives: needling.alternatives,
            sources: needling.sources)
    }
}

extension PlanRequest {
    /// The API's input as the engine's request; the decoder already refused values outside the enums.
    init(_ body: Components.Schemas.PlanRequest) throws(ValidationError) {
        let risks = try body.patient.map { risks throws(ValidationError) in try RiskFactors(risks, field: "patient.pregnancyRecordedOn") }
        self.init(
            assessment: Assessment(
                regions: body.regions.map(BackRegion.init), side: .init(body.side), levels: (body.levels ?? []).map(SpinalLevel.init),
                radiatesToLeg: body.radiatesToLeg ?? false, onset: .init(body.onset), electroacupuncture: body.electroacupuncture ?? false,
                patient: risks ?? .none),
            edits: (body.edits ?? []).map(PlanEdit.init), acknowledged: body.acknowledged ?? [])
    }
}

extension PlanEdit {
    init(_ body: Components.Schemas.PlanEdit) {
        self.init(
            action: .init(body.action), point: body.point, side: body.side.map(NeedleSide.init), role: body.role.map(NeedleRole.init),
            toSide: body.toSide.map(NeedleSide.init), depthMm: body.depthMm)
    }
}
