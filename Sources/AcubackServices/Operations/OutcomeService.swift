import AcubackCore
import AcubackStore
import Foundation

/// Measures, course reviews and the clinic's analytics, for the API and the pages alike: finds
/// the course, asks the access policy, applies the Core rules and records the audit event.
public struct OutcomeService: Sendable {
    public let services: AppServices

    public init(services: AppServices) { self.services = services }

    var store: OutcomeStore { services.outcomeStore }

    /// A course of the actor's clinic they may act on; another clinic's course looks missing.
    public func course(_ id: UUID, for actor: Actor, _ action: Action) async throws -> CourseRecord {
        guard let course = try await services.bookingStore.course(id: id), course.clinicID == actor.clinicID else {
            try AccessPolicy.require(actor, action, .clinic(actor.clinicID))
            throw NotFound(detail: "No such course")
        }
        try AccessPolicy.require(actor, action, .patient(clinicID: course.clinicID, patientID: course.patientID))
        return course
    }

    public func progress(courseID: UUID, for actor: Actor, from address: String?) async throws -> CourseProgress {
        let course = try await course(courseID, for: actor, .readPatientClinical)
        guard let progress = try await store.progress(courseID: course.id) else { throw NotFound(detail: "No such course") }
        try await services.record(
            .courseRead, by: actor, clinicID: course.clinicID, patientID: course.patientID, recordType: .course, recordID: course.id.uuidString,
            from: address)
        return progress
    }

    public func recordMeasure(
        courseID: UUID, timepoint: MeasureTimepoint, sessionID: UUID?, takenAt: Date?, measures: OutcomeMeasures, by actor: Actor, from address: String?
    ) async throws -> MeasureRecord {
        let course = try await course(courseID, for: actor, .recordOutcome)
        let now = services.now()
        if let takenAt, takenAt > now.addingTimeInterval(300) {
            throw ValidationError(field: "takenAt", rule: "must not be in the future")
        }
        // A measure belongs to its course: taken at the earliest a month before it was booked.
        if let takenAt, takenAt < course.createdAt.addingTimeInterval(-30 * 86_400) {
            throw ValidationError(field: "takenAt", rule: "must be within the course (from a month before it was booked)")
        }
        let saved = try await store.record(NewMeasure(
            clinicID: course.clinicID, courseID: course.id, sessionID: sessionID, timepoint: timepoint, takenAt: takenAt ?? now,
            recordedByUserID: actor.userID, measures: measures),
            audit: services.entry(.measureRecord, by: actor, clinicID: course.clinicID, patientID: course.patientID, recordType: .measure, from: address))
        return saved
    }

    /// Reviews the course after the sessions done so far, or after `afterSession` when given, with
    /// the red-flag screen asked again: a flag found stops further sessions until a clinician clears it.
    public func review(
        courseID: UUID, afterSession: Int?, note: String, redFlags: [RedFlag], by actor: Actor, from address: String?
    ) async throws -> CourseReviewRecord {
        let course = try await course(courseID, for: actor, .recordOutcome)
        guard let progress = try await store.progress(courseID: course.id) else { throw NotFound(detail: "No such course") }
        guard note.count <= 2000 else { throw ValidationError(field: "note", rule: "must be at most 2000 characters") }
        let settings = try await store.settings(clinicID: course.clinicID)
        let review = try CourseReview.review(
            baseline: progress.baseline?.measures, current: progress.latestWithPain?.measures,
            afterSession: afterSession ?? progress.sessionsDone, regimen: course.regimen,
            alreadyExtended: course.extendsCourseID != nil, settings: settings)
        guard Set(redFlags).count == redFlags.count else { throw ValidationError(field: "redFlags", rule: "must not repeat a red flag") }
        return try await store.addReview(
            review, courseID: course.id, clinicID: course.clinicID, patientID: course.patientID, baselineMeasureID: progress.baseline!.id,
            measureID: progress.latestWithPain!.id, note: note.trimmingCharacters(in: .whitespacesAndNewlines), redFlags: redFlags,
            by: actor.userID, at: services.now(),
            audit: services.entry(.courseReview, by: actor, clinicID: course.clinicID, patientID: course.patientID, recordType: .courseReview, from: address))
    }

    public func analytics(for actor: Actor, from address: String?) async throws -> ClinicAnalytics {
        try AccessPolicy.require(actor, .readAnalytics, .clinic(actor.clinicID))
        let analytics = try await store.analytics(clinicID: actor.clinicID)
        try await services.record(.analyticsRead, by: actor, clinicID: actor.clinicID, recordType: .analytics, from: address)
        return analytics
    }

    public func saveSettings(_ settings: OutcomeSettings, by actor: Actor, from address: String?) async throws {
        try AccessPolicy.require(actor, .manageUsers, .clinic(actor.clinicID))
        try await store.saveSettings(
            settings, clinicID: actor.clinicID,
            audit: services.entry(.outcomeSettingsSave, by: actor, clinicID: actor.clinicID, recordType: .clinic, from: address), at: services.now())
    }
}
