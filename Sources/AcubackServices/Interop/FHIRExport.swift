import AcubackCore
import AcubackStore
import Foundation

/// Gathers a patient's records and turns them into FHIR R4 resources, for the API, the command
/// line and the bulk export alike.
public struct FHIRExport: Sendable {
    public let database: AcubackDatabase
    /// The FHIR base address the Bundle's full URLs are written under.
    public let base: String
    public let catalogue = PointCatalogue.standard

    public init(database: AcubackDatabase, publicURL: String) {
        self.database = database
        base = publicURL.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + "/fhir"
    }

    /// Everything about one patient: the resources of their own records, and the clinic,
    /// practitioners and roles those refer to.
    public func resources(for patient: PatientRecord) async throws -> (own: [JSONValue], shared: [JSONValue]) {
        let bookings = BookingStore(database)
        let outcomes = OutcomeStore(database)
        let sessionsStore = TreatmentSessionStore(database)
        let distantPast = Date(timeIntervalSince1970: 0), distantFuture = Date(timeIntervalSince1970: 4_102_444_800)
        let appointments = try await bookings.appointments(
            clinicID: patient.clinicID, from: distantPast, to: distantFuture, patientID: patient.id, includeCancelled: true, limit: 10_000)
        let courses = try await outcomes.courses(patientID: patient.id)
        let sessions = try await sessionsStore.sessions(clinicID: patient.clinicID, patientID: patient.id, limit: 10_000)
        let courseOfAppointment = Dictionary(uniqueKeysWithValues: appointments.map { ($0.id, $0.courseID) })

        var own: [JSONValue] = [FHIRResources.patient(
            id: patient.id, givenName: patient.givenName, familyName: patient.familyName, birthDate: patient.birthDate,
            email: patient.email, phone: patient.phone)]
        var practitionerIDs = Set(appointments.map(\.practitionerID))
        for appointment in appointments {
            own.append(FHIRResources.appointment(
                id: appointment.id, patientID: patient.id, practitionerID: appointment.practitionerID, kind: appointment.kind,
                status: appointment.status, start: appointment.start, minutes: appointment.minutes))
        }
        for course in courses {
            practitionerIDs.insert(course.practitionerID)
            let dates = appointments.filter { $0.courseID == course.id && $0.status != .cancelled }.map(\.start)
            let done = sessions.filter { courseOfAppointment[$0.appointmentID] == course.id && !$0.isOpen }.count
            own.append(FHIRResources.carePlan(
                id: course.id, patientID: patient.id, practitionerID: course.practitionerID, regimen: course.regimen,
                completed: done >= course.regimen.sessions, created: course.createdAt, first: dates.min(), last: dates.max(),
                protocolName: course.protocolName))
        }
        for session in sessions.reversed() {
            practitionerIDs.insert(session.practitionerID)
            let courseID = courseOfAppointment[session.appointmentID] ?? nil
            own.append(FHIRResources.procedure(
                id: session.id, patientID: patient.id, practitionerID: session.practitionerID, carePlanID: courseID, session: session.chair,
                startedAt: session.startedAt, closedAt: session.closedAt, reactions: session.closing?.reactions ?? [], catalogue: catalogue))
            let base = session.id.uuidString.lowercased()
            own.append(FHIRResources.painObservation(
                id: "\(base)-pain-before", patientID: patient.id, partOf: session.id, value: session.painBefore, at: session.startedAt, note: "before the session"))
            if let closing = session.closing, let closedAt = session.closedAt {
                own.append(FHIRResources.painObservation(
                    id: "\(base)-pain-after", patientID: patient.id, partOf: session.id, value: closing.painAfter, at: closedAt, note: "after the session"))
            }
            if let checkIn = try await sessionsStore.checkIn(sessionID: session.id), !checkIn.checkIn.afterEffects.isEmpty {
                own.append(FHIRResources.adverseEvent(
                    id: checkIn.id, patientID: patient.id, procedureID: session.id, date: checkIn.enteredAt,
                    effects: AfterEffect.allCases.filter { checkIn.checkIn.afterEffects.contains($0) && $0 != .other },
                    other: checkIn.checkIn.other, serious: checkIn.checkIn.isSerious))
            }
        }
        own += try await consultationResources(for: patient, sessions: sessions, practitionerIDs: &practitionerIDs)
        for course in courses {
            for measure in try await outcomes.measures(courseID: course.id) {
                own += FHIRResources.measureObservations(
                    measureID: measure.id, patientID: patient.id, partOf: measure.sessionID, at: measure.takenAt, measures: measure.measures)
            }
        }
        return (own, try await shared(clinicID: patient.clinicID, practitionerIDs: practitionerIDs))
    }

    /// The clinic, and each practitioner with their role there.
    public func shared(clinicID: UUID, practitionerIDs: Set<UUID>) async throws -> [JSONValue] {
        var resources: [JSONValue] = []
        if let clinic = try await AccountStore(database).clinic(id: clinicID) {
            resources.append(FHIRResources.organization(id: clinic.id, name: clinic.name))
        }
        let clinics = ClinicStore(database)
        for id in practitionerIDs.sorted(by: { $0.uuidString < $1.uuidString }) {
            guard let practitioner = try await clinics.practitioner(id: id) else { continue }
            resources.append(FHIRResources.practitioner(id: id, name: practitioner.name, certificates: practitioner.certificates.map(\.certificate)))
            resources.append(FHIRResources.practitionerRole(
                practitionerID: id, clinicID: clinicID, profession: practitioner.profession, name: practitioner.name))
        }
        return resources
    }

    /// One patient's records as a collection Bundle.
    public func bundle(for patient: PatientRecord, at now: Date = Date()) async throws -> JSONValue {
        let (own, shared) = try await resources(for: patient)
        return FHIRResources.bundle(id: UUID(), timestamp: now, base: base, resources: shared + own)
    }
}
