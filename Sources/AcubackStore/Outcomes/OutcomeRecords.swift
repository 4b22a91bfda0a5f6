import AcubackCore
import Foundation

/// A set of measures to store in a course.
public struct NewMeasure: Sendable, Equatable {
    public let clinicID: UUID
    public let courseID: UUID
    public let sessionID: UUID?
    public let timepoint: MeasureTimepoint
    public let takenAt: Date
    public let recordedByUserID: UUID
    public let measures: OutcomeMeasures

    public init(
        clinicID: UUID, courseID: UUID, sessionID: UUID? = nil, timepoint: MeasureTimepoint, takenAt: Date, recordedByUserID: UUID,
        measures: OutcomeMeasures
    ) {
        self.clinicID = clinicID
        self.courseID = courseID
        self.sessionID = sessionID
        self.timepoint = timepoint
        self.takenAt = takenAt
        self.recordedByUserID = recordedByUserID
        self.measures = measures
    }
}

public struct MeasureRecord: Sendable, Equatable {
    public let id: UUID
    public let courseID: UUID
    public let patientID: UUID
    public let sessionID: UUID?
    public let timepoint: MeasureTimepoint
    public let takenAt: Date
    public let measures: OutcomeMeasures
}

public struct CourseReviewRecord: Sendable, Equatable {
    public let id: UUID
    public let courseID: UUID
    public let review: CourseReview
    public let baselineMeasureID: UUID
    public let measureID: UUID
    public let note: String
    public let reviewedAt: Date
}

/// Pain before and after one session of a course, numbered from 1.
public struct SessionPain: Sendable, Equatable {
    public let number: Int
    public let sessionID: UUID
    public let startedAt: Date
    public let before: Int
    public let after: Int?
}

/// Everything a course's charts and reviews read: its measures (with the baseline of the course
/// it extends), the pain around each session and the reviews so far.
public struct CourseProgress: Sendable, Equatable {
    public let course: CourseRecord
    public let measures: [MeasureRecord]
    public let sessions: [SessionPain]
    public let reviews: [CourseReviewRecord]

    /// The course's baseline, or for an extension the baseline of the course it extends.
    public var baseline: MeasureRecord? { measures.first { $0.timepoint == .baseline } }

    /// The newest measures after the baseline that hold a pain score.
    public var latestWithPain: MeasureRecord? {
        measures.last { $0.timepoint != .baseline && ($0.measures.painNow != nil || $0.measures.painAverageWeek != nil) }
    }

    /// Closed sessions so far.
    public var sessionsDone: Int { sessions.filter { $0.after != nil }.count }
}
