import AcubackCore
import FluentKit
import FluentSQL
import Foundation
import SQLKit

/// Measures, course reviews and outcome settings.
public struct OutcomeStore: Sendable {
    let store: AcubackDatabase

    public init(_ store: AcubackDatabase) {
        self.store = store
    }

    // MARK: - Settings

    public func settings(clinicID: UUID) async throws -> OutcomeSettings {
        guard let row = try await store.readSQL.raw("SELECT * FROM outcome_settings WHERE id = \(bind: clinicID)").first()
            .map({ try $0.decode(fluentModel: OutcomeSettingsModel.self) })
        else { return .standard }
        let instruments = row.instruments.split(separator: ",").compactMap { Instrument(rawValue: String($0)) }
        return OutcomeSettings(importantPercent: row.importantPercent, importantPoints: row.importantPoints, instruments: Set(instruments))
    }

    public func saveSettings(_ settings: OutcomeSettings, clinicID: UUID, audit: AuditEntry? = nil, at now: Date = Date()) async throws {
        try settings.validate()
        try await store.change(audit, at: now) { db in
            let row = try await OutcomeSettingsModel.find(clinicID, on: db) ?? OutcomeSettingsModel()
            row.id = clinicID
            row.importantPercent = settings.importantPercent
            row.importantPoints = settings.importantPoints
            row.instruments = settings.instruments.map(\.rawValue).sorted().joined(separator: ",")
            try await row.save(on: db)
            return ((), clinicID.uuidString)
        }
    }

    // MARK: - Measures

    /// Stores a set of measures after checking it against the clinic's settings and the course:
    /// a session must belong to the course, and a course has one baseline. Nothing is stored
    /// when a check fails.
    public func record(_ new: NewMeasure, audit: AuditEntry? = nil) async throws -> MeasureRecord {
        try new.measures.validate(enabled: try await settings(clinicID: new.clinicID).instruments)
        let keys = try await store.keys(for: audit)
        return try await store.fluent.transaction { db in
            guard let course = try await CourseModel.find(new.courseID, on: db), course.clinicID == new.clinicID else {
                throw ValidationError(field: "courseId", rule: "no course of this clinic has this id")
            }
            if let sessionID = new.sessionID {
                let inCourse = try await TreatmentSessionModel.query(on: db).filter(\.$id == sessionID)
                    .join(AppointmentModel.self, on: \TreatmentSessionModel.$appointment.$id == \AppointmentModel.$id)
                    .filter(AppointmentModel.self, \.$courseID == new.courseID).count() > 0
                guard inCourse else { throw ValidationError(field: "sessionId", rule: "no session of this course has this id") }
            }
            if new.timepoint == .baseline {
                var original: CourseModel?
                if let originalID = course.extendsCourseID { original = try await CourseModel.find(originalID, on: db) }
                guard course.baselineMeasureID == nil, original?.baselineMeasureID == nil else {
                    throw ValidationError(field: "timepoint", rule: "the course already has a baseline; later measures are 'session', 'review' or 'follow-up'")
                }
            }
            let model = OutcomeMeasureModel(new, patientID: course.$patient.id)
            try model.functionJSON = new.measures.function.map(SessionCoding.encode)
            try await model.create(on: db)
            try await Self.track(model, in: course, on: db)
            try await audit?.append(recordID: model.id?.uuidString, keys: keys, at: new.takenAt, on: db)
            return model.record
        }
    }

    /// Keeps the course's baseline and latest pain measures, which the analytics read. An
    /// extension's measures are the latest of the course it extends too.
    static func track(_ model: OutcomeMeasureModel, in course: CourseModel, on db: any Database) async throws {
        if model.timepoint == MeasureTimepoint.baseline.rawValue {
            course.keepBaseline(model)
            try await course.save(on: db)
            return
        }
        guard model.painNow != nil || model.painAverageWeek != nil else { return }
        var courses = [course]
        if let originalID = course.extendsCourseID, let original = try await CourseModel.find(originalID, on: db) { courses.append(original) }
        for course in courses {
            if let latestID = course.latestMeasureID, let latest = try await OutcomeMeasureModel.find(latestID, on: db), latest.takenAt > model.takenAt {
                continue
            }
            course.keepLatest(model)
            try await course.save(on: db)
        }
    }

    public func measures(courseID: UUID) async throws -> [MeasureRecord] {
        try await OutcomeMeasureModel.query(on: store.reader).filter(\.$course.$id == courseID).sort(\.$takenAt).all().map(\.record)
    }

    // MARK: - Courses and their progress

    /// A patient's courses, newest first.
    public func courses(patientID: UUID) async throws -> [CourseRecord] {
        try await CourseModel.query(on: store.reader).filter(\.$patient.$id == patientID).sort(\.$createdAt, .descending).all().map(\.record)
    }

    public func progress(courseID: UUID) async throws -> CourseProgress? {
        let db = try store.reader
        guard let course = try await CourseModel.find(courseID, on: db)?.record else { return nil }
        var measures = try await self.measures(courseID: courseID)
        if let originalID = course.extendsCourseID, !measures.contains(where: { $0.timepoint == .baseline }),
           let baseline = try await self.measures(courseID: originalID).first(where: { $0.timepoint == .baseline }) {
            measures.insert(baseline, at: 0)
        }
        let sessions = try await TreatmentSessionModel.query(on: db)
            .join(AppointmentModel.self, on: \TreatmentSessionModel.$appointment.$id == \AppointmentModel.$id)
            .filter(AppointmentModel.self, \.$courseID == courseID)
            .sort(\.$startedAt).all()
        let pains = sessions.enumerated().map { index, session in
            SessionPain(number: index + 1, sessionID: session.id!, startedAt: session.startedAt, before: session.painBefore,
                        after: session.closedAt == nil ? nil : session.painAfter)
        }
        return CourseProgress(course: course, measures: measures, sessions: pains, reviews: try await reviews(courseID: courseID))
    }

    // MARK: - Reviews

    /// Keeps the review with the red-flag screen re-asked at it and its audit event, in one transaction.
    public func addReview(
        _ review: CourseReview, courseID: UUID, clinicID: UUID, patientID: UUID, baselineMeasureID: UUID, measureID: UUID, note: String,
        redFlags: [RedFlag], by userID: UUID, at now: Date, audit: AuditEntry
    ) async throws -> CourseReviewRecord {
        try await store.audited(audit, at: now) { db in
            let model = CourseReviewModel()
            model.clinicID = clinicID
            model.$course.id = courseID
            model.afterSession = review.afterSession
            model.isFinal = review.isFinal
            model.baselineMeasureID = baselineMeasureID
            model.measureID = measureID
            model.scale = review.change.scale.rawValue
            model.baselinePain = review.change.baseline
            model.currentPain = review.change.current
            model.category = review.category.rawValue
            model.recommendation = review.recommendation.rawValue
            model.note = note
            model.reviewedByUserID = userID
            model.reviewedAt = now
            try await model.create(on: db)
            try await ConsultationStore.screen(
                redFlags, source: .review, sourceID: model.id, patientID: patientID, clinicID: clinicID, by: userID, at: now, on: db)
            return (model.record, model.id?.uuidString)
        }
    }

    public func reviews(courseID: UUID) async throws -> [CourseReviewRecord] {
        try await CourseReviewModel.query(on: store.reader).filter(\.$course.$id == courseID).sort(\.$reviewedAt).all().map(\.record)
    }
}
