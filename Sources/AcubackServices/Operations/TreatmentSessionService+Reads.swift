import AcubackCore
import AcubackStore
import Foundation

/// Reading plans, sessions and check-ins, each behind the access check for the patient whose
/// record it is.
extension TreatmentSessionService {
    /// The patient's current plan, as part of a read of their clinical record the caller audits.
    public func currentPlan(of patient: PatientRecord, by actor: Actor) async throws -> SavedPlan? {
        try AccessPolicy.require(actor, .readPatientClinical, .patient(clinicID: patient.clinicID, patientID: patient.id))
        return try await store.currentPlan(patientID: patient.id)
    }

    /// The patient's current plan on its own, audited as a read of the plan.
    public func readPlan(of patient: PatientRecord, by actor: Actor, from address: String?) async throws -> SavedPlan {
        guard let saved = try await currentPlan(of: patient, by: actor) else { throw NotFound(detail: "The patient has no current plan") }
        try await services.record(
            .planRead, by: actor, clinicID: patient.clinicID, patientID: patient.id, recordType: .plan, recordID: saved.id.uuidString,
            from: address)
        return saved
    }

    /// Sessions the actor may see, newest first: a patient's own, a practitioner's own, any for
    /// the admin; reception sees none. The list is audited.
    public func sessions(patientID: UUID?, openOnly: Bool, by actor: Actor, from address: String?) async throws -> [TreatmentSessionRecord] {
        var patientID = patientID
        if let patientID, try await services.patientStore.patient(id: patientID)?.clinicID != actor.clinicID {
            throw NotFound(detail: "No such patient")
        }
        var practitionerID: UUID?
        switch actor.role {
        case .patient:
            guard patientID == nil || patientID == actor.patientID else { throw AccessDenied(signedIn: true, reason: "another patient's sessions") }
            patientID = actor.patientID
        case .practitioner:
            practitionerID = actor.practitionerID
        case .admin:
            break
        case .reception:
            throw AccessDenied(signedIn: true, reason: "reception does not see clinical sessions")
        }
        let records = try await store.sessions(clinicID: actor.clinicID, practitionerID: practitionerID, patientID: patientID, openOnly: openOnly)
        try await services.record(.sessionList, by: actor, clinicID: actor.clinicID, patientID: patientID, recordType: .sessions, from: address)
        return records
    }

    /// The check-in of a session the caller has already opened through `session(_:for:by:from:)`.
    public func checkIn(of session: TreatmentSessionRecord) async throws -> CheckInRecord? {
        try await store.checkIn(sessionID: session.id)
    }

    /// The signed-in practitioner's chair: open sessions with their rooms, and the treatments booked
    /// this week that a session can start from. Audited as a read of the dashboard.
    public func chairDay(by actor: Actor, from address: String?) async throws -> ChairDay {
        try AccessPolicy.require(actor, .treatPatient, .clinic(actor.clinicID))
        var day = ChairDay(running: [], rooms: [:], waiting: [])
        if let practitionerID = actor.practitionerID {
            let zone = try await services.clinic.settings(clinicID: actor.clinicID).zone
            let today = CalendarDay(services.now(), in: zone)
            let bookings = services.bookingStore
            day.running = try await store.sessions(clinicID: actor.clinicID, practitionerID: practitionerID, openOnly: true)
            day.waiting = try await bookings.appointments(
                clinicID: actor.clinicID, from: today.start(in: zone), to: today.adding(days: 8).start(in: zone), practitionerID: practitionerID
            ).filter { $0.kind == .treatment && $0.status.isOpen }
            for record in day.running {
                day.rooms[record.id] = try await bookings.appointment(id: record.appointmentID)?.roomName
            }
        }
        try await services.record(.sessionDashboard, by: actor, clinicID: actor.clinicID, recordType: .sessions, from: address)
        return day
    }
}

/// What the chair's dashboard shows.
public struct ChairDay: Sendable {
    public var running: [TreatmentSessionRecord]
    /// The room of each running session, by session id.
    public var rooms: [UUID: String]
    public var waiting: [AppointmentRecord]
}
