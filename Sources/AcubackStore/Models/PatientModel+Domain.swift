import AcubackCore
import Foundation

/// Lists of raw values kept in one text column, the same on SQLite and PostgreSQL.
enum ListColumn {
    static func encode<T: RawRepresentable<String>>(_ values: [T]) -> String {
        values.map(\.rawValue).joined(separator: ",")
    }

    static func decode<T: RawRepresentable<String>>(_ text: String) -> [T] {
        text.split(separator: ",").compactMap { T(rawValue: String($0)) }
    }
}

extension PatientModel {
    convenience init(
        clinicID: UUID, userID: UUID?, givenName: String, familyName: String, birthDate: String,
        email: String?, phone: String?, risks: RiskFactors
    ) {
        self.init()
        self.$clinic.id = clinicID
        self.$user.id = userID
        self.givenName = givenName
        self.familyName = familyName
        self.birthDate = birthDate
        self.email = email
        self.phone = phone
        self.riskFactors = risks
    }

    var riskFactors: RiskFactors {
        get {
            RiskFactors(
                pregnancyWeek: pregnancyWeek, pregnancyRecordedOn: pregnancyRecordedOn.flatMap(CalendarDay.init), anticoagulants: anticoagulants,
                bleedingDisorder: BleedingDisorder(rawValue: bleedingDisorder) ?? .none,
                implantedDevice: implantedDevice, lungDisease: lungDisease, thoracicSurgery: thoracicSurgery,
                bmi: bmi, faintingHistory: faintingHistory, needlePhobia: needlePhobia, epilepsy: epilepsy,
                brokenSkinRegions: ListColumn.decode(brokenSkinRegions), metalImplantRegions: ListColumn.decode(metalImplantRegions ?? ""),
                cannotLieProne: cannotLieProne)
        }
        set {
            pregnancyWeek = newValue.pregnancyWeek
            pregnancyRecordedOn = newValue.pregnancyRecordedOn?.description
            anticoagulants = newValue.anticoagulants
            bleedingDisorder = newValue.bleedingDisorder.rawValue
            implantedDevice = newValue.implantedDevice
            lungDisease = newValue.lungDisease
            thoracicSurgery = newValue.thoracicSurgery
            bmi = newValue.bmi
            faintingHistory = newValue.faintingHistory
            needlePhobia = newValue.needlePhobia
            epilepsy = newValue.epilepsy
            brokenSkinRegions = ListColumn.encode(newValue.brokenSkinRegions)
            metalImplantRegions = newValue.metalImplantRegions.isEmpty ? nil : ListColumn.encode(newValue.metalImplantRegions)
            cannotLieProne = newValue.cannotLieProne
        }
    }
}

extension AssessmentModel {
    convenience init(patientID: UUID, practitionerID: UUID, recordedAt: Date, assessment: Assessment, complaint: String) {
        self.init()
        self.$patient.id = patientID
        self.$practitioner.id = practitionerID
        self.recordedAt = recordedAt
        self.regions = ListColumn.encode(assessment.regions)
        self.side = assessment.side.rawValue
        self.levels = ListColumn.encode(assessment.levels)
        self.radiatesToLeg = assessment.radiatesToLeg
        self.onset = assessment.onset.rawValue
        self.electroacupuncture = assessment.electroacupuncture
        self.preferredPosition = assessment.preferredPosition?.rawValue
        self.complaint = complaint
    }

    /// The assessment as recorded, with the patient's current risk factors.
    func assessment(risks: RiskFactors) -> Assessment {
        Assessment(
            regions: ListColumn.decode(regions), side: PainSide(rawValue: side) ?? .both,
            levels: ListColumn.decode(levels), radiatesToLeg: radiatesToLeg,
            onset: Onset(rawValue: onset) ?? .chronic, electroacupuncture: electroacupuncture,
            preferredPosition: preferredPosition.flatMap(TreatmentPosition.init(rawValue:)), patient: risks)
    }
}
