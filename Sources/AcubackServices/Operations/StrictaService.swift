import AcubackCore
import AcubackStore
import Foundation

/// STRICTA reports of a course or of one session, from the records, for the API and the
/// printable pages alike.
public struct StrictaService: Sendable {
    public let services: AppServices

    public init(services: AppServices) { self.services = services }

    public func course(_ courseID: UUID, by actor: Actor, from address: String?) async throws -> (StrictaReport, CourseRecord) {
        let course = try await OutcomeService(services: services).course(courseID, for: actor, .readPatientClinical)
        let appointments = Set(try await services.bookingStore.courseAppointments(courseID: course.id).map(\.id))
        let sessions = try await services.sessionStore.sessions(clinicID: course.clinicID, patientID: course.patientID, limit: 1000)
            .filter { appointments.contains($0.appointmentID) }.reversed()
        var practitionerIDs = [course.practitionerID]
        for session in sessions where !practitionerIDs.contains(session.practitionerID) { practitionerIDs.append(session.practitionerID) }
        var plan: TreatmentPlan?
        if let planID = course.planID, let saved = try await services.sessionStore.plan(id: planID) { plan = saved.plan }
        let report = StrictaReport(
            course: course.regimen, plan: plan, sessions: sessions.map(Self.input), practitioners: try await practitioners(practitionerIDs),
            setting: try await setting(course.clinicID), year: try await year(course.clinicID))
        try await services.record(
            .courseStricta, by: actor, clinicID: course.clinicID, patientID: course.patientID, recordType: .course, recordID: course.id.uuidString,
            from: address)
        return (report, course)
    }

    public func session(_ sessionID: UUID, by actor: Actor, from address: String?) async throws -> (StrictaReport, TreatmentSessionRecord) {
        let record = try await TreatmentSessionService(services: services).session(sessionID, for: .readPatientClinical, by: actor, from: address)
        let bookings = services.bookingStore
        var number: Int?
        var regimen: Regimen?
        if let courseID = try await bookings.appointment(id: record.appointmentID)?.courseID, let course = try await bookings.course(id: courseID) {
            regimen = course.regimen
            let starts = try await bookings.courseAppointments(courseID: courseID).filter { $0.status != .cancelled }
            number = starts.firstIndex { $0.id == record.appointmentID }.map { $0 + 1 }
        }
        let report = StrictaReport(
            session: Self.input(record), number: number, regimen: regimen, practitioner: try await practitioners([record.practitionerID]).first,
            setting: try await setting(record.clinicID), year: try await year(record.clinicID))
        return (report, record)
    }

    public static func input(_ record: TreatmentSessionRecord) -> StrictaReport.Session {
        StrictaReport.Session(
            chair: record.chair, plan: record.plan, position: record.position, startedAt: record.startedAt, closedAt: record.closedAt,
            adviceGiven: record.closing?.adviceGiven ?? false, adjuncts: record.closing?.adjuncts ?? [])
    }

    public func practitioners(_ ids: [UUID]) async throws -> [StrictaReport.Practitioner] {
        var found: [StrictaReport.Practitioner] = []
        for id in ids {
            guard let practitioner = try await services.clinicStore.practitioner(id: id) else { continue }
            found.append(StrictaReport.Practitioner(
                name: practitioner.name, profession: practitioner.profession, practisingSince: practitioner.practisingSince,
                certificates: practitioner.certificates.map(\.certificate)))
        }
        return found
    }

    public func setting(_ clinicID: UUID) async throws -> String {
        let name = try await services.accountStore.clinic(id: clinicID)?.name ?? "the clinic"
        return "Outpatient treatment at \(name)"
    }

    public func year(_ clinicID: UUID) async throws -> Int {
        let zone = try await services.clinicStore.settings(clinicID: clinicID).zone
        return CalendarDay(services.now(), in: zone).year
    }
}
