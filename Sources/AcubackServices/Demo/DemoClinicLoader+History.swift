import AcubackCore
import AcubackStore
import Foundation

public extension DemoClinicLoader {
    /// The first consultation (assessment with its red-flag screen, consent at the desk, the plan)
    /// and, when the plan is usable, a finished course: every session run at the chair, checked in
    /// the day after, measured and reviewed, as a practitioner would.
    public func firstConsultationAndCourse(index: Int, patient: PatientRecord, seed: DemoClinic.PatientSeed, staff: Staff) async throws {
        let practitioner = staff.practitioners[index % 2]
        clock.set(historyStart.addingTimeInterval(Double(-3 * 86_400 + index * 1800)))
        let consultation = Consultation(
            complaint: seed.complaint, assessment: seed.assessment, redFlags: [],
            examination: Examination(tenderPoints: seed.assessment.levels.isEmpty ? "" : "At " + seed.assessment.levels.map(\.rawValue).joined(separator: ", ")))
        _ = try await ConsultationService(services: services).record(consultation, for: patient, by: practitioner, from: nil)
        clock.advance(seconds: 600)
        _ = try await ConsentService(services: services).sign(
            ConsentSignature(method: .desk, signedName: "\(seed.givenName) \(seed.familyName)"), for: patient, by: staff.reception, from: nil)
        let chair = TreatmentSessionService(services: services)
        // The practitioner reads and acknowledges the plan's warnings; a plan a rule blocks is not saved.
        let proposed = try await chair.proposePlan(for: patient)
        let plan = try await chair.proposePlan(for: patient, acknowledged: proposed.pendingAcknowledgements)
        guard plan.isUsable else { return }
        clock.advance(seconds: 300)
        _ = try await chair.savePlan(for: patient, edits: [], acknowledged: proposed.pendingAcknowledgements, by: practitioner, from: nil)
        try await course(index: index, patient: patient, practitioner: practitioner, staff: staff)
    }

    private func course(index: Int, patient: PatientRecord, practitioner: Actor, staff: Staff) async throws {
        let regimen = CourseHistory.regimen
        clock.advance(seconds: 300)
        let (course, appointments) = try await BookingService(services: services).bookCourse(
            clinicID: staff.clinicID, patientID: patient.id,
            request: CourseRequest(regimen: regimen, earliest: historyStart, preferredPractitionerID: practitioner.practitionerID), regimen: regimen,
            by: staff.reception, from: nil)
        let outcome = CourseHistory.Outcome.of(patient: index)
        let outcomes = OutcomeService(services: services)
        let chair = TreatmentSessionService(services: services)
        let starts = appointments.map(\.start).sorted()
        clock.set(starts[0].addingTimeInterval(-600))
        _ = try await outcomes.recordMeasure(
            courseID: course.id, timepoint: .baseline, sessionID: nil, takenAt: nil, measures: Self.measures(pain: outcome.baseline, outcome: outcome),
            by: practitioner, from: nil)
        let interim = regimen.reviewAfter[0]
        for (number, appointment) in appointments.sorted(by: { $0.start < $1.start }).enumerated() {
            let pain = CourseHistory.painBefore(session: number, of: regimen.sessions, outcome: outcome)
            clock.set(appointment.start.addingTimeInterval(300))
            var session = try await chair.start(appointmentID: appointment.id, position: nil, painBefore: pain, by: practitioner, from: nil)
            for needle in session.plan.needles {
                clock.advance(seconds: 15)
                session = try await chair.insert(
                    NeedleChoice(point: needle.point, side: needle.side, site: needle.site), depthMm: min(needle.maxDepthMm, 15),
                    needleType: "0.25 × 40 mm, stainless steel", stimulation: .manual, deQi: true, into: session.id, by: practitioner, from: nil)
            }
            if !session.chair.timer.isRunning { session = try await chair.startTimer(session.id, by: practitioner, from: nil) }
            clock.advance(seconds: Double(session.chair.timer.targetMinutes * 60))
            session = try await chair.removeAll(counted: session.plan.needles.count, from: session.id, by: practitioner, from: nil)
            clock.advance(seconds: 60)
            _ = try await chair.close(session.id, closing: SessionClosing(painAfter: max(0, pain - 1), adviceGiven: true), by: practitioner, from: nil)
            if number + 1 == interim || number + 1 == regimen.sessions {
                clock.advance(seconds: 120)
                let measured = number + 1 == interim ? CourseHistory.painBefore(session: interim, of: regimen.sessions, outcome: outcome) : outcome.end
                _ = try await outcomes.recordMeasure(
                    courseID: course.id, timepoint: number + 1 == interim ? .review : .followUp, sessionID: nil, takenAt: nil,
                    measures: Self.measures(pain: measured, outcome: outcome), by: practitioner, from: nil)
                clock.advance(seconds: 300)
                _ = try await outcomes.review(courseID: course.id, afterSession: number + 1, note: "", redFlags: [], by: practitioner, from: nil)
            }
            clock.set(appointment.start.addingTimeInterval(86_400))
            let soreness = CourseHistory.soreness(session: number)
            let serious = CourseHistory.hasIncident(patient: index) && number == 0
            _ = try await chair.checkIn(
                CheckIn(soreness: soreness, sorenessHoursAfter: soreness > 0 ? 4 : nil, tiredness: CourseHistory.tiredness(session: number),
                        markedSerious: serious),
                for: session.id, by: staff.reception, from: nil)
        }
    }

    /// The measures at a time point: function and mobility improve with the pain.
    public static func measures(pain: Int, outcome: CourseHistory.Outcome) -> OutcomeMeasures {
        let gained = outcome.baseline - pain
        return OutcomeMeasures(
            painNow: pain, painAverageWeek: pain, painWorst: min(10, pain + 2),
            function: [FunctionActivity(activity: "bending forward", score: min(10, 3 + gained)),
                       FunctionActivity(activity: "sitting for an hour", score: min(10, 4 + gained))],
            fingertipToFloorCm: Double(max(0, 28 - 4 * gained)), schoberCm: 3 + 0.5 * Double(gained), swellingGrade: gained >= 2 ? 0 : 1)
    }

    /// A week of bookings from today: each patient's first visit a consultation, then treatments.
    public func bookTheWeek(patients: [PatientRecord], staff: Staff) async throws {
        let booking = BookingService(services: services)
        clock.set(CalendarDay(today, in: zone).start(in: zone))
        for slot in DemoSchedule.week(from: today, timeZone: zone, patients: patients.count) {
            let patient = patients[slot.patient]
            let appointment = try await booking.book(
                clinicID: staff.clinicID, patientID: patient.id, practitionerID: staff.practitioners[slot.practitioner].practitionerID,
                kind: slot.kind, start: slot.start, by: staff.reception, from: nil)
        }
    }
}
