import AcubackAPI
import AcubackCore
import AcubackServices
import Foundation

// A patient's risk factors and assessments, to and from the API's generated types.

extension Components.Schemas.RiskFactors {
    init(_ risks: RiskFactors) {
        self.init(
            pregnancyWeek: risks.pregnancyWeek, anticoagulants: risks.anticoagulants, bleedingDisorder: .init(risks.bleedingDisorder),
            implantedDevice: risks.implantedDevice, lungDisease: risks.lungDisease, thoracicSurgery: risks.thoracicSurgery, bmi: risks.bmi,
            faintingHistory: risks.faintingHistory, needlePhobia: risks.needlePhobia, epilepsy: risks.epilepsy,
            pregnancyRecordedOn: risks.pregnancyRecordedOn?.description,
            brokenSkinRegions: risks.brokenSkinRegions.map(Components.Schemas.SkinRegion.init),
            metalImplantRegions: risks.metalImplantRegions.map(Components.Schemas.SkinRegion.init), cannotLieProne: risks.cannotLieProne)
    }
}

extension RiskFactors {
    /// The API's input; what it leaves out is absent (no, none). Its enums were checked by the
    /// decoder, so only the date is left to read.
    init(_ body: Components.Schemas.RiskFactors, field: String = "pregnancyRecordedOn") throws(ValidationError) {
        let recordedOn = try body.pregnancyRecordedOn.map { text throws(ValidationError) in
            guard let day = CalendarDay(text) else { throw ValidationError(field: field, rule: "'\(text)' is not a date in the form YYYY-MM-DD") }
            return day
        }
        self.init(
            pregnancyWeek: body.pregnancyWeek, pregnancyRecordedOn: recordedOn, anticoagulants: body.anticoagulants ?? false,
            bleedingDisorder: body.bleedingDisorder.map(BleedingDisorder.init) ?? .none, implantedDevice: body.implantedDevice ?? false,
            lungDisease: body.lungDisease ?? false, thoracicSurgery: body.thoracicSurgery ?? false, bmi: body.bmi,
            faintingHistory: body.faintingHistory ?? false, needlePhobia: body.needlePhobia ?? false, epilepsy: body.epilepsy ?? false,
            brokenSkinRegions: (body.brokenSkinRegions ?? []).map(SkinRegion.init),
            metalImplantRegions: (body.metalImplantRegions ?? []).map(SkinRegion.init), cannotLieProne: body.cannotLieProne ?? false)
    }
}

extension Components.Schemas.AssessmentRecord {
    init(_ record: AssessmentRecord) {
        let assessment = record.assessment
        self.init(
            id: record.id.uuidString, recordedAt: record.recordedAt, regions: assessment.regions.map(Components.Schemas.BackRegion.init),
            side: .init(assessment.side), levels: assessment.levels.map(Components.Schemas.SpinalLevel.init),
            radiatesToLeg: assessment.radiatesToLeg, onset: .init(assessment.onset), electroacupuncture: assessment.electroacupuncture,
            preferredPosition: assessment.preferredPosition.map(Components.Schemas.TreatmentPosition.init), complaint: record.complaint)
    }
}

extension Components.Schemas.PatientClinical {
    init(_ patient: PatientRecord, _ clinical: PatientService.Clinical) {
        self.init(
            patientId: patient.id.uuidString, riskFactors: .init(clinical.risks),
            assessments: clinical.assessments.map(Components.Schemas.AssessmentRecord.init))
    }
}
