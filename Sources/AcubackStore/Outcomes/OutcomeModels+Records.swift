import AcubackCore
import Foundation

extension OutcomeMeasureModel {
    convenience init(_ new: NewMeasure, patientID: UUID) {
        self.init()
        clinicID = new.clinicID
        $patient.id = patientID
        $course.id = new.courseID
        sessionID = new.sessionID
        timepoint = new.timepoint.rawValue
        takenAt = new.takenAt
        recordedByUserID = new.recordedByUserID
        painNow = new.measures.painNow
        painAverageWeek = new.measures.painAverageWeek
        painWorst = new.measures.painWorst
        functionScore = new.measures.functionScore
        fingertipToFloorCm = new.measures.fingertipToFloorCm
        schoberCm = new.measures.schoberCm
        swellingGrade = new.measures.swellingGrade
        rolandMorris = new.measures.rolandMorris
        oswestry = new.measures.oswestry
    }

    var record: MeasureRecord {
        let function = functionJSON.flatMap { try? SessionCoding.decode([FunctionActivity].self, from: $0) }
        return MeasureRecord(
            id: id!, courseID: $course.id, patientID: $patient.id, sessionID: sessionID,
            timepoint: MeasureTimepoint(rawValue: timepoint) ?? .session, takenAt: takenAt,
            measures: OutcomeMeasures(
                painNow: painNow, painAverageWeek: painAverageWeek, painWorst: painWorst, function: function,
                fingertipToFloorCm: fingertipToFloorCm, schoberCm: schoberCm, swellingGrade: swellingGrade,
                rolandMorris: rolandMorris, oswestry: oswestry))
    }
}

extension CourseReviewModel {
    var record: CourseReviewRecord {
        let change = PainChange(scale: PainScale(rawValue: scale) ?? .now, baseline: baselinePain, current: currentPain)
        return CourseReviewRecord(
            id: id!, courseID: $course.id,
            review: CourseReview(
                afterSession: afterSession, isFinal: isFinal, change: change,
                category: ResponseCategory(rawValue: category) ?? .nonResponder,
                recommendation: ReviewRecommendation(rawValue: recommendation) ?? .reviewOrRefer),
            baselineMeasureID: baselineMeasureID, measureID: measureID, note: note, reviewedAt: reviewedAt)
    }
}
